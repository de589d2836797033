#pragma once
// The [reports] section of a policy (汇报), owned by the discipline module:
//
//   [reports]
//   roles = ["agent"]                  # who writes reports (to the direct supervisor, cc the team's assistant)
//   objection_days = 7                 # a cost may be objected to (a good reason) within 7 days ([points] wins)
//
//   [[reports.kind]]
//   kind = "weekly"                    # daily | weekly | monthly
//   due = "saturday"                   # daily: "same_day"; weekly: a weekday of its week; monthly: "first_working_day"
//   due_time = "22:00"                 # sent by then (22:00:00 is on time, 22:00:01 late)
//   late = "as_missing"                # a late report costs as a missing one; "free": only a missing one costs
//   without_work = "skip"              # a week or month with no working day asks for no report ("due": it still does)
//   item = "report_missing"            # the ledger's item for the cost
//   fine_fen = 5000                    # optional
//   fund_percent = 50                  # optional: the fine's share into the team's activity fund
//   points = 0                         # optional: points with it (seed 004: -5)
//
// And its worked examples:
//
//   [[example]]
//   of = "report"
//   name = "…"
//   kind = "weekly"
//   period = "2026-W45"
//   submitted = { on = 2026-11-07, at = "22:01" }   # omitted: never sent
//   expect = { standing = "late", fine_fen = 5000, fund_fen = 2500, points = 0 }
#include <optional>

#include "discipline/report_model.hpp"
#include "policy/document.hpp"
#include "policy/header.hpp"
#include "policy/model.hpp"

namespace waihu::discipline {

/// nullopt without a [reports] section (`ok` stays true) or with problems (`ok` false).
std::optional<ReportsPolicy> read_reports_section(const policy::Document& doc, bool& ok);
policy::RuleSection describe_reports(const ReportsPolicy& p);
/// Runs an `of = "report"` example against the policy (null: the names are still checked); working days are the
/// header's. False when it could not be run.
bool check_report_example(const policy::Table& ex, const ReportsPolicy* p, const policy::Header* h);
/// A kind's name in Chinese (日报, 周报, 月报).
std::string report_kind_zh(ReportKind k);

}  // namespace waihu::discipline
