#include "discipline/elimination_rules.hpp"

#include <algorithm>

#include "kpi/ranking.hpp"

namespace waihu::discipline {

std::string_view proposal_name(Proposal p) { return p == Proposal::kElimination ? "elimination" : "warning"; }

std::string_view trigger_name(EliminationTrigger t) {
  switch (t) {
    case EliminationTrigger::kBottom:
      return "bottom";
    case EliminationTrigger::kBelow:
      return "below";
    case EliminationTrigger::kBelowMonths:
      return "below_months";
    case EliminationTrigger::kZero:
      return "zero";
  }
  return "bottom";
}

long long months_looked_back(const EliminationPolicy& p) {
  long long back = 0;
  for (const auto& r : p.rules)
    if (r.when == EliminationTrigger::kBelowMonths) back = std::max(back, r.months - 1);
  return back;
}

namespace {
// Each person's place from the bottom and the size of the field, within the company or within their team.
struct Place {
  int rank = 0, from_bottom = 0, of = 0;
};
std::map<long long, Place> places(const std::vector<MonthFigure>& people, bool by_team) {
  std::map<long long, std::vector<kpi::Scored>> fields;
  for (const auto& f : people) fields[by_team ? f.team_id : 0].push_back({f.user_id, f.value});
  std::map<long long, Place> out;
  for (auto& [team, scores] : fields) {
    const int of = static_cast<int>(scores.size());
    for (const auto& r : kpi::rank_scores(std::move(scores))) out[r.id] = {r.rank, r.from_bottom, of};
  }
  return out;
}
}  // namespace

std::vector<EliminationCase> eliminations(const EliminationPolicy& p, const std::vector<MonthFigure>& people) {
  const auto company = places(people, false);
  const auto team = places(people, true);
  std::vector<EliminationCase> out;
  for (const auto& f : people) {
    EliminationCase c{f.user_id, f.value, company.at(f.user_id).rank, company.at(f.user_id).of, {}, Proposal::kWarning};
    for (const auto& r : p.rules) {
      const Place& at = r.among_team ? team.at(f.user_id) : company.at(f.user_id);
      bool caught = false;
      switch (r.when) {
        case EliminationTrigger::kBottom:
          caught = at.from_bottom <= r.count;
          break;
        case EliminationTrigger::kBelow:
          caught = f.value < r.under;
          break;
        case EliminationTrigger::kZero:
          caught = f.value == 0;
          break;
        case EliminationTrigger::kBelowMonths: {
          // This month and the months before it, each while on the staff: a month before they joined breaks
          // the run.
          caught = f.value < r.under && static_cast<long long>(f.previous.size()) >= r.months - 1;
          for (long long i = 0; caught && i < r.months - 1; ++i) caught = f.previous[static_cast<size_t>(i)] < r.under;
          break;
        }
      }
      if (!caught) continue;
      c.caught.push_back({&r, at.rank, at.of});
      if (r.proposes == Proposal::kElimination) c.proposes = Proposal::kElimination;
    }
    if (!c.caught.empty()) out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const EliminationCase& a, const EliminationCase& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.user_id < b.user_id;
  });
  return out;
}

}  // namespace waihu::discipline
