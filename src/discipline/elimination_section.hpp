#pragma once
// The [elimination] section (末位淘汰, seed 001), SPEC §11 choice 17: which roles are ranked, by which metric, and
// each rule with what it proposes — the loader refuses a rule that does not say warning or elimination, or a
// bottom rule that does not say whether the company or the team is ranked.
//
//   [elimination]
//   roles = ["agent", "field_rep"]
//   metric = "revenue_fen"
//   [[elimination.rule]]
//   when = "bottom"          # bottom | below | below_months | zero
//   count = 3
//   among = "company"        # or "team"
//   proposes = "warning"     # or "elimination"
#include <optional>

#include "discipline/elimination_model.hpp"
#include "policy/document.hpp"
#include "policy/model.hpp"

namespace waihu::discipline {

std::optional<EliminationPolicy> read_elimination_section(const policy::Document& doc, bool& ok);
policy::RuleSection describe_elimination(const EliminationPolicy& p);
/// `[[example]] of = "elimination_month"`: `figures = { name = N, … }` this month, `previous = { name = N }` the
/// month before (someone without one joined this month), `expect = { name = "warning" | "elimination" }` — everyone
/// not named expects nothing. True when it ran.
bool check_elimination_example(const policy::Table& ex, const EliminationPolicy* p);

}  // namespace waihu::discipline
