#pragma once
// One payroll month computed from the records, touching nothing: each person's status (probation month by month),
// the plan's lines, refunds clawed back from the lines their deals paid, a balance an earlier cap held back, the
// month's fines and penalties, the cap and the minimum wage of the team's city. The payroll service stores the
// result as the month's draft; a what-if runs it under another policy and only compares.
#include <soci/soci.h>

#include <memory>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "calendar/work_calendar.hpp"
#include "org/model.hpp"
#include "pay/model.hpp"
#include "pay/store.hpp"

namespace waihu::pay {

/// Days of the month under one version's plans: a version taking effect mid-month splits the month.
struct PlanPeriod {
  const PayPolicy* policy = nullptr;
  long long version = 0;
  calendar::Period days;
};

struct MonthInput {
  calendar::Month month;
  const PayPolicy* policy = nullptr;  ///< settles the month: probation, the cap (the version of its last day)
  long long policy_version = 0;
  long long day_divisor_hundredths = 2175;  ///< a day's base is the month's ÷ this/100
  std::vector<org::Team> teams;
  long long now = 0;
  std::optional<long long> only_user;  ///< one person's statement alone (month to date)
  /// The plans day by day, in order; empty or one: every day under `policy`. With more, each period pays the plan's
  /// lines worked out on the whole month's records (tiers on the month's total, never a part), times its share of
  /// the days.
  std::vector<PlanPeriod> periods;
  /// The company calendar over the month, for a policy paying partial months by working days (none: Monday to
  /// Friday).
  std::shared_ptr<const calendar::WorkCalendar> calendar;
  /// The [resignation] rule on a leaver's final pay; none: the policy has no such rule and every leaver is paid.
  std::optional<FinalPayRule> final_pay;
};

struct MonthResult {
  std::vector<store::StatementRow> rows;
  std::vector<std::string> gaps;  ///< "name（team）: what is missing" — a plan that needs a fact the records lack
  long long gross_fen = 0, net_fen = 0;
};

MonthResult compute_month(soci::session& sql, const MonthInput& in);

}  // namespace waihu::pay
