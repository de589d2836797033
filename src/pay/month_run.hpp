#pragma once
// One payroll month computed from the records, touching nothing: each person's status (probation month by month),
// the plan's lines, refunds clawed back from the lines their deals paid, a balance an earlier cap held back, the
// month's fines and penalties, the cap and the minimum wage of the team's city. The payroll service stores the
// result as the month's draft; a what-if runs it under another policy and only compares.
#include <soci/soci.h>

#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "org/model.hpp"
#include "pay/model.hpp"
#include "pay/store.hpp"

namespace waihu::pay {

struct MonthInput {
  calendar::Month month;
  const PayPolicy* policy = nullptr;
  long long policy_version = 0;
  long long day_divisor_hundredths = 2175;  ///< a day's base is the month's ÷ this/100
  std::vector<org::Team> teams;
  long long now = 0;
  std::optional<long long> only_user;  ///< one person's statement alone (month to date)
};

struct MonthResult {
  std::vector<store::StatementRow> rows;
  std::vector<std::string> gaps;  ///< "name（team）: what is missing" — a plan that needs a fact the records lack
  long long gross_fen = 0, net_fen = 0;
};

MonthResult compute_month(soci::session& sql, const MonthInput& in);

}  // namespace waihu::pay
