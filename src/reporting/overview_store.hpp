#pragma once
// SQL for the overview: calls, deals and payments summed per day and per team of the agent. Runs on the caller's
// session.
#include <soci/soci.h>

#include <string>
#include <vector>

#include "org/rules.hpp"

namespace waihu::reporting::store {

struct DayTeamRow {
  std::string date;  ///< "YYYY-MM-DD", China time
  long long team_id = 0;
  long long dials = 0, connects = 0, effective = 0, talk_seconds = 0;
  long long deals = 0, revenue_fen = 0, payments_fen = 0;
};

/// Everything from `from_date` to `to_date` (inclusive, "YYYY-MM-DD" in China time) within the scope, one row
/// per (day, team, kind of figure).
std::vector<DayTeamRow> day_team_figures(soci::session& sql, const std::string& from_date, const std::string& to_date,
                                         const org::ScopeFilter& scope);

}  // namespace waihu::reporting::store
