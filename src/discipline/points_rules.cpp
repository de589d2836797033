#include "discipline/points_rules.hpp"

#include <algorithm>

namespace waihu::discipline {

MonthEnd judge_month(const PointsPolicy& p, long long points) {
  MonthEnd m;
  m.start = p.base;
  m.end = p.base + points;
  const bool above = p.inclusive ? m.end >= p.bonus_above : m.end > p.bonus_above;
  const bool below = p.inclusive ? m.end <= p.penalty_below : m.end < p.penalty_below;
  if (above) m.bonus_fen = p.bonus_fen;
  if (below) m.penalty_fen = p.penalty_fen;
  return m;
}

const PointsItem* find_item(const PointsPolicy& p, std::string_view key) {
  auto it = std::find_if(p.items.begin(), p.items.end(), [&](const PointsItem& i) { return i.key == key; });
  return it == p.items.end() ? nullptr : &*it;
}

bool is_automatic_item(std::string_view key) {
  return std::find(std::begin(kAutomaticItems), std::end(kAutomaticItems), key) != std::end(kAutomaticItems);
}

bool costs_something(long long points, long long fine_fen, long long base_days_milli) {
  return points < 0 || fine_fen > 0 || base_days_milli > 0;
}

bool within_objection_window(long long objection_days, long long entered_at, long long now) {
  return now - entered_at <= objection_days * 86400;
}

}  // namespace waihu::discipline
