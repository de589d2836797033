#pragma once
// Closing a month (月底): its remaining days closed first, then each person's points judged against the policy's
// thresholds — the month's start and end kept, a bonus or penalty written to the ledger once. A closed month is
// immutable: later corrections go into an open month and name what they correct.
#include <optional>
#include <vector>

#include "discipline/closing.hpp"

namespace waihu::discipline {

struct MonthCloseReport {
  calendar::Month month;
  bool closed_now = false;  ///< false: closed before; nothing changed
  long long days_closed = 0, people = 0, bonuses = 0, penalties = 0;
  long long bonus_fen = 0, penalty_fen = 0;
  long long elimination_listed = 0;  ///< people the [elimination] rules caught, for a manager to confirm
};

class MonthCloser {
 public:
  MonthCloser(db::Database& db, const calendar::CompanyTime& time, DayCloser& days, RulesAt rules)
      : db_(db), time_(time), days_(days), rules_(std::move(rules)) {}
  /// Closes a month that is over (its days first, from where evaluation started). Forbidden without close_days;
  /// BadRequest "month" while it runs.
  MonthCloseReport close_month(const org::Actor* actor, const calendar::Month& month);
  /// The server's run: every month that is over since evaluation started and not closed yet.
  std::vector<MonthCloseReport> close_due();
  bool is_closed(const calendar::Month& month);

 private:
  db::Database& db_;
  const calendar::CompanyTime& time_;
  DayCloser& days_;
  RulesAt rules_;
};

}  // namespace waihu::discipline
