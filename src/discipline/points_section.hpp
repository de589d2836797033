#pragma once
// The [points] section of a policy (绩效分), owned by the discipline module:
//
//   [points]
//   roles = ["agent", "supervisor"]            # who keeps a points ledger
//   base = 100                                 # every month starts here
//   bonus = { above = 120, fen = 20000 }       # month end above 120: 200 yuan
//   penalty = { below = 80, fen = 20000 }      # month end below 80: 200 yuan off
//   thresholds = "exclusive"                   # exactly 120 or 80: nothing ("inclusive": the boundary counts)
//   objection_days = 7                         # an entry may be objected to within 7 days of being entered
//
//   [[points.item]]                            # the catalogue supervisors enter from
//   key = "personal_call"
//   zh = "公司电话打私人电话"
//   en = "Personal calls on the company phone"
//   points = -10
//   fine_fen = 10000                           # optional
//   dismissal = "never"                        # optional: "always" (a case, no points) or "if_serious"
//
// And its worked examples of a month:
//
//   [[example]]
//   of = "points_month"
//   name = "…"
//   entries = { personal_call = 1, late = 2 }  # catalogue items (and attendance's late/early/absent_*), how often
//   other_points = 0                           # optional: points from entries not listed
//   expect = { end = 88, bonus_fen = 0, penalty_fen = 0, fine_fen = 11000 }
#include <optional>

#include "discipline/attendance_model.hpp"
#include "discipline/points_model.hpp"
#include "policy/document.hpp"
#include "policy/model.hpp"

namespace waihu::discipline {

/// nullopt without a [points] section (`ok` stays true) or with problems (`ok` false).
std::optional<PointsPolicy> read_points_section(const policy::Document& doc, bool& ok);
policy::RuleSection describe_points(const PointsPolicy& p);

/// The [fabrication] section (虚报): `fine_fen = 5000` and optional `points` (zero or negative) per record marked.
/// nullopt without it (`ok` stays true: marking still takes the record out of the figures) or with problems.
std::optional<FabricationPolicy> read_fabrication_section(const policy::Document& doc, bool& ok);
policy::RuleSection describe_fabrication(const FabricationPolicy& p);
/// Reads an `of = "points_month"` example and, when the policy could be read (`p` not null), compares its `expect`
/// with the month's end; attendance items take their points from `a`. Returns whether it ran.
bool check_points_example(const policy::Table& example, const PointsPolicy* p, const AttendancePolicy* a);

}  // namespace waihu::discipline
