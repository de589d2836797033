#include "reporting/desk.hpp"

namespace waihu::reporting {

Desk DeskService::desk(const org::Actor& actor) {
  Desk d;
  const calendar::LocalDate today = time_.today();
  const calendar::Bounds bounds = time_.bounds(today);
  d.day_start = bounds.from;
  d.day_end = bounds.to;
  d.date = today.str();
  d.yesterday = today.plus_days(-1).str();
  const long long yesterday_start = time_.bounds(today.plus_days(-1)).from;
  // The counts are the metric layer's (the same figures every report and quota reads); the first and last call
  // of the day come from the calls themselves.
  auto own_figures = [&](long long from, long long to, const calendar::LocalDate& day, kpi::store::Figures* all) {
    calls::CallFigures f = activity_.activity(actor, {from, to, actor.user_id, std::nullopt}).totals;
    const kpi::store::Figures m = metrics_.by_agent(actor, {day, day}, std::nullopt, actor.user_id).total;
    using kpi::store::metric_index;
    f.dials = m[metric_index("dials")];
    f.connects = m[metric_index("connects")];
    f.effective = m[metric_index("effective_calls")];
    f.talk_seconds = m[metric_index("talk_seconds")];
    if (all) *all = m;
    return f;
  };
  d.today = own_figures(d.day_start, d.day_end, today, &d.metrics_today);
  d.previous_day = own_figures(yesterday_start, d.day_start, today.plus_days(-1), nullptr);
  crm::CustomerFilter mine;
  mine.owner_id = actor.user_id;
  mine.open_only = true;
  crm::CustomerFilter due = mine;
  due.due_by = d.date;
  d.due = customers_.count(actor, due);
  due.due_by = d.yesterday;
  d.overdue = customers_.count(actor, due);
  crm::CustomerFilter callbacks = mine;
  callbacks.callback_before = d.day_end;
  d.callbacks = customers_.count(actor, callbacks);
  return d;
}

}  // namespace waihu::reporting
