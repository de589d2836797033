#pragma once
// The pure rules of a 撞单 case: who may do what at which stage, and what an escalation costs.
#include <optional>
#include <string>

#include "discipline/claim_model.hpp"
#include "org/model.hpp"

namespace waihu::discipline {

enum class ClaimAction { kYield, kEscalate, kDecide };

/// A case as the rules see it.
struct ClaimState {
  bool open = true;
  ClaimStage stage = ClaimStage::kAgents;
  bool two_parties = true;  ///< both the holder and the claimant are known (an import to the pool names one)
};

/// Who is acting, as the rules see them.
struct ClaimActor {
  org::Role role = org::Role::kAgent;
  bool party = false;      ///< the holder or the claimant
  bool sees_both = false;  ///< both agents are in the actor's data scope
};

/// Whether the actor may act at this stage: a party yields (the other keeps the customer) while the case is open;
/// a party or a manager in scope of both escalates (agents → manager → company); the manager decides at the
/// manager's stage, the director or an admin at the company's. The reason (zh / en) when not.
std::optional<std::string> claim_refusal(ClaimAction a, const ClaimState& s, const ClaimActor& who);

/// The stage after an escalation from `from` (none from the company's).
std::optional<ClaimStage> next_stage(ClaimStage from);

/// What escalating to `to` costs each agent, given the share already taken on this case; nothing without a policy.
ClaimPenalty escalation_penalty(const ClaimPolicy* p, ClaimStage to, long long total_so_far);

}  // namespace waihu::discipline
