#pragma once
// The [duplicate_claims] section (撞单): what escalating a case costs each agent, and whether the company's share
// adds to the manager's (SPEC §11 choice 7 — the loader refuses a policy that leaves it unsaid).
//
//   [duplicate_claims]
//   manager_percent = 30      # of the month's base pay, each agent, when escalated to the sales manager
//   company_percent = 50      # when escalated on to the company
//   penalties = "cumulative"  # or "replacing": 50% in all
#include <optional>

#include "discipline/claim_model.hpp"
#include "policy/document.hpp"
#include "policy/model.hpp"

namespace waihu::discipline {

std::optional<ClaimPolicy> read_claims_section(const policy::Document& doc, bool& ok);
policy::RuleSection describe_claims(const ClaimPolicy& p);
/// `[[example]] of = "duplicate_claim"`: `escalated_to = "manager"|"company"`, `expect = { percent = N }` — each
/// agent's share of base pay in all. True when it ran.
bool check_claim_example(const policy::Table& ex, const ClaimPolicy* p);

}  // namespace waihu::discipline
