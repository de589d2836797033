#include "discipline/claim_rules.hpp"

#include <algorithm>

namespace waihu::discipline {

std::string_view claim_stage_name(ClaimStage s) {
  switch (s) {
    case ClaimStage::kAgents:
      return "agents";
    case ClaimStage::kManager:
      return "manager";
    case ClaimStage::kCompany:
      return "company";
  }
  return "agents";
}

std::optional<ClaimStage> parse_claim_stage(std::string_view s) {
  for (auto st : {ClaimStage::kAgents, ClaimStage::kManager, ClaimStage::kCompany})
    if (claim_stage_name(st) == s) return st;
  return std::nullopt;
}

std::optional<ClaimStage> next_stage(ClaimStage from) {
  if (from == ClaimStage::kAgents) return ClaimStage::kManager;
  if (from == ClaimStage::kManager) return ClaimStage::kCompany;
  return std::nullopt;
}

namespace {
bool company_level(org::Role r) { return r == org::Role::kDirector || r == org::Role::kAdmin; }
// The sales manager of both agents, or someone above.
bool manager_level(const ClaimActor& who) {
  return company_level(who.role) || (who.role == org::Role::kManager && who.sees_both);
}
}  // namespace

std::optional<std::string> claim_refusal(ClaimAction a, const ClaimState& s, const ClaimActor& who) {
  if (!s.open) return "撞单已处理完毕 / the case is settled already";
  switch (a) {
    case ClaimAction::kYield:
      if (!who.party) return "只有撞单双方可以让出客户 / only the two agents can give the customer up";
      if (!s.two_parties) return "此撞单只有一方，由经理决定 / the case names one agent: a manager decides it";
      return std::nullopt;
    case ClaimAction::kEscalate:
      if (!who.party && !manager_level(who))
        return "只有撞单双方或双方的经理可以上报 / only the two agents or their manager escalate a case";
      if (!next_stage(s.stage)) return "已上报公司，等待公司决定 / the company decides it now";
      return std::nullopt;
    case ClaimAction::kDecide:
      if (s.stage == ClaimStage::kAgents)
        return "双方先自行解决，解决不了再上报经理 / the two settle it themselves first, or escalate it to the manager";
      if (who.party) return "撞单一方不能决定 / neither agent decides their own case";
      if (s.stage == ClaimStage::kManager && !manager_level(who))
        return "由双方的销售经理决定 / the agents' sales manager decides it";
      if (s.stage == ClaimStage::kCompany && !company_level(who.role))
        return "已上报公司，由总经理或管理员决定 / escalated to the company: the director or an admin decides it";
      return std::nullopt;
  }
  return "unknown action";
}

ClaimPenalty escalation_penalty(const ClaimPolicy* p, ClaimStage to, long long total_so_far) {
  if (!p || to == ClaimStage::kAgents) return {0, total_so_far};
  const long long share = to == ClaimStage::kManager ? p->manager_percent : p->company_percent;
  if (p->cumulative) return {share, total_so_far + share};
  // Replacing: the case costs the larger share in all; what was taken already counts toward it.
  const long long total = std::max(total_so_far, share);
  return {total - total_so_far, total};
}

}  // namespace waihu::discipline
