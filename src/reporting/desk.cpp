#include "reporting/desk.hpp"

namespace waihu::reporting {

Desk DeskService::desk(const org::Actor& actor) {
  Desk d;
  d.day_start = util::china_day_start(clock_.now());
  d.day_end = d.day_start + 86400;
  d.date = util::china_date(d.day_start);
  d.yesterday = util::china_date(d.day_start - 1);
  auto own_figures = [&](long long from, long long to) {
    return activity_.activity(actor, {from, to, actor.user_id, std::nullopt}).totals;
  };
  d.today = own_figures(d.day_start, d.day_end);
  d.previous_day = own_figures(d.day_start - 86400, d.day_start);
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
