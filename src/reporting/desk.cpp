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
  // The counts are the metric layer's (the same figures every report and quota reads); the first and last call
  // of the day come from the calls themselves: the agent's own row of the day's sales sheet.
  auto own_figures = [&](const calendar::LocalDate& day, kpi::store::Figures* all) {
    const SalesSheet sheet = sheets_.sales(actor, {day, std::nullopt, actor.user_id});
    using kpi::store::metric_index;
    const kpi::store::Figures& m = sheet.total;
    calls::CallFigures f;
    f.dials = m[metric_index("dials")];
    f.connects = m[metric_index("connects")];
    f.effective = m[metric_index("effective_calls")];
    f.talk_seconds = m[metric_index("talk_seconds")];
    f.first_call_at = sheet.first_call_at;
    f.last_call_at = sheet.last_call_at;
    if (all) *all = m;
    return f;
  };
  d.today = own_figures(today, &d.metrics_today);
  if (quota_day_) d.targets = quota_day_(actor.user_id, today, d.metrics_today);
  d.previous_day = own_figures(today.plus_days(-1), nullptr);
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
