#include "kpi/keeper.hpp"

#include <algorithm>
#include <climits>

namespace waihu::kpi {

std::map<long long, store::Figures> DayKeeper::figures_until(soci::session& sql, const calendar::LocalDate& day,
                                                             long long until, std::optional<long long> user_id) const {
  calendar::Bounds b = time_.bounds(day);
  b.to = std::min<util::UnixSeconds>(b.to, until);
  return store::recompute(sql, day, b, user_id, store::kAll, counting_(day));
}

void DayKeeper::touch_day(soci::session& sql, long long user_id, const calendar::LocalDate& day,
                          unsigned groups) const {
  const store::Counting counting = counting_(day);
  auto figures = store::recompute(sql, day, time_.bounds(day), user_id, groups, counting);
  const auto it = figures.find(user_id);
  store::put(sql, user_id, day, it == figures.end() ? store::Figures{} : it->second, groups, counting.policy_version);
}

void DayKeeper::add_call(soci::session& sql, const NewCall& c) const {
  const calendar::LocalDate day = time_.date_at(c.started_at);
  const store::Counting counting = counting_(day);
  store::CallDelta d{.answered = c.answered, .effective = c.effective, .talk_seconds = c.talk_seconds};
  const auto& worthy = counting.worthy_results;
  auto first_of_day = [&](const std::vector<std::string>& results) {
    return c.customer_id && std::find(results.begin(), results.end(), c.result) != results.end() &&
           !store::other_call_with_result(sql, c.user_id, *c.customer_id, c.call_id, time_.bounds(day), results);
  };
  d.worthy = first_of_day(worthy);
  d.interested = first_of_day(interested_call_results());
  if (!store::add_call(sql, c.user_id, day, d, counting)) touch_day(sql, c.user_id, day, store::kCalls);
}

void DayKeeper::Batch::flush(soci::session& sql) {
  for (const auto& [key, groups] : pending_) keeper_.touch_day(sql, key.first, key.second, groups);
  pending_.clear();
}

std::vector<DayKeeper::Difference> DayKeeper::verify(soci::session& sql, const calendar::Period& period) const {
  std::vector<Difference> out;
  std::map<std::pair<calendar::LocalDate, long long>, store::Figures> kept;  // by day, then user
  for (const auto& row : store::stored(sql, period, {})) kept[{row.day, row.user_id}] = row.figures;
  for (auto day = period.from; day <= period.to; day = day.plus_days(1)) {
    auto fresh = store::recompute(sql, day, time_.bounds(day), std::nullopt, store::kAll, counting_(day));
    auto compare = [&](long long user, const store::Figures& k, const store::Figures& r) {
      for (size_t i = 0; i < kMetricNames.size(); ++i)
        if (k[i] != r[i]) out.push_back({user, day, std::string(kMetricNames[i]), k[i], r[i]});
    };
    for (const auto& [user, figures] : fresh) {
      auto it = kept.find({day, user});
      compare(user, it == kept.end() ? store::Figures{} : it->second, figures);
      if (it != kept.end()) kept.erase(it);
    }
    // Kept rows of the day no record supports any more.
    for (auto it = kept.lower_bound({day, LLONG_MIN}); it != kept.end() && it->first.first == day;) {
      compare(it->first.second, it->second, store::Figures{});
      it = kept.erase(it);
    }
  }
  return out;
}

long long DayKeeper::rebuild(soci::session& sql, const calendar::Period& period) const {
  store::delete_period(sql, period);
  long long rows = 0;
  for (auto day = period.from; day <= period.to; day = day.plus_days(1)) {
    const store::Counting counting = counting_(day);
    for (const auto& [user, figures] :
         store::recompute(sql, day, time_.bounds(day), std::nullopt, store::kAll, counting)) {
      store::put(sql, user, day, figures, store::kAll, counting.policy_version);
      ++rows;
    }
  }
  return rows;
}

}  // namespace waihu::kpi
