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
  auto own_figures = [&](long long from, long long to) {
    return activity_.activity(actor, {from, to, actor.user_id, std::nullopt}).totals;
  };
  d.today = own_figures(d.day_start, d.day_end);
  d.previous_day = own_figures(yesterday_start, d.day_start);
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
