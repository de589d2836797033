#pragma once
// 撞单 cases as a workflow (seed 000 "发生撞单现象要避开客户自行解决，如上报销售经理解决扣除每人底薪30%，仍未解决的上报
// 公司领导扣除底薪50%；对恶意抢单，相互拆台的销售人员，一经发现立即开除"): the two agents settle it themselves;
// unsettled, it goes to the sales manager, then to the company, each step costing each agent a share of base pay as the
// policy says; the decision sets the owner.
#include <optional>
#include <string>
#include <string_view>

namespace waihu::discipline {

/// Where a case stands: with the two agents, the sales manager, or the company's leaders.
enum class ClaimStage { kAgents, kManager, kCompany };
std::string_view claim_stage_name(ClaimStage s);
std::optional<ClaimStage> parse_claim_stage(std::string_view s);

/// The [duplicate_claims] section. Percentages of the month's base pay each agent loses when the case is
/// escalated; `cumulative` (SPEC §11 choice 7): true — the company's 50% comes on top of the manager's 30% (80% in
/// all); false — it replaces it (50% in all).
struct ClaimPolicy {
  long long manager_percent = 0, company_percent = 0;
  bool cumulative = true;
};

/// What one escalation costs each agent: this step's share and the case's running total.
struct ClaimPenalty {
  long long percent = 0, total_percent = 0;
};

}  // namespace waihu::discipline
