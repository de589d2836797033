#pragma once
// SQL for the overview: calls, deals and payments summed per day and per team of the agent. Runs on the caller's
// session.
#include <soci/soci.h>

#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "org/rules.hpp"

namespace waihu::reporting::store {

struct DayTeamRow {
  std::string date;  ///< "YYYY-MM-DD", China time
  long long team_id = 0;
  long long dials = 0, connects = 0, effective = 0, talk_seconds = 0;
  long long deals = 0, revenue_fen = 0, payments_fen = 0;
};

/// Everything in the company's days `period` within the scope, one row per (day, team, kind of figure). Calls fall
/// on days by their start in the company's zone: `bounds` are the period's, `utc_offset` the zone's offset then
/// (one offset: the overview spans at most a month, and a month of a DST zone keeps one offset but for the
/// switch day, which the metric layer of issue 14 replaces this read with).
std::vector<DayTeamRow> day_team_figures(soci::session& sql, const calendar::Period& period,
                                         const calendar::Bounds& bounds, long long utc_offset,
                                         const org::ScopeFilter& scope);

}  // namespace waihu::reporting::store
