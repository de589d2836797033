#include "discipline/claim_section.hpp"

#include "discipline/claim_rules.hpp"

namespace waihu::discipline {

std::optional<ClaimPolicy> read_claims_section(const policy::Document& doc, bool& ok) {
  auto s = doc.root().table("duplicate_claims", false);
  if (!s) return std::nullopt;
  auto manager = s->integer("manager_percent", {.min = 0, .max = 100});
  auto company = s->integer("company_percent", {.min = 0, .max = 100});
  auto penalties = s->choice("penalties", {"cumulative", "replacing"});
  if (!manager || !company || !penalties) {
    ok = false;
    return std::nullopt;
  }
  ClaimPolicy p{*manager, *company, *penalties == "cumulative"};
  if (p.cumulative && p.manager_percent + p.company_percent > 100) {
    s->problem("company_percent", "manager_percent + company_percent add up to more than 100% of base pay");
    ok = false;
    return std::nullopt;
  }
  return p;
}

policy::RuleSection describe_claims(const ClaimPolicy& p) {
  policy::RuleSection s{"duplicate_claims", "撞单", "Duplicate claims", {}, {}};
  const std::string m = std::to_string(p.manager_percent), c = std::to_string(p.company_percent);
  s.zh.push_back("撞单双方避开客户自行解决；一方让出即结案，不扣款");
  s.en.push_back(
      "The two agents settle a duplicate claim themselves, away from the customer; one giving it up ends it, "
      "at no cost");
  s.zh.push_back("上报销售经理解决的，双方各扣当月底薪 " + m + "%");
  s.en.push_back("Escalated to the sales manager: each agent loses " + m + "% of the month's base pay");
  const std::string total =
      std::to_string(escalation_penalty(&p, ClaimStage::kCompany, p.manager_percent).total_percent);
  s.zh.push_back("仍未解决上报公司的，各扣底薪 " + c + "%" +
                 (p.cumulative ? "，与经理一级累计（共 " + total + "%）" : "，取代经理一级（共 " + total + "%）"));
  s.en.push_back("Escalated on to the company: " + c + "% each, " +
                 (p.cumulative ? "on top of the manager's share (" + total + "% in all)"
                               : "replacing the manager's share (" + total + "% in all)"));
  s.zh.push_back("决定归属的人同时可认定恶意抢单、相互拆台，提交开除处理");
  s.en.push_back("Whoever decides may find deliberate poaching or undermining: a dismissal case for a manager");
  return s;
}

bool check_claim_example(const policy::Table& ex, const ClaimPolicy* p) {
  const std::string name = ex.text("name").value_or("?");
  auto to = ex.choice("escalated_to", {"manager", "company"});
  auto expect = ex.table("expect");
  if (!expect) return false;
  auto want = expect->integer("percent", {.min = 0, .max = 100});
  if (!to || !want || !p) return false;
  ClaimPenalty got = escalation_penalty(p, ClaimStage::kManager, 0);
  if (*to == "company") got = escalation_penalty(p, ClaimStage::kCompany, got.total_percent);
  if (got.total_percent != *want)
    expect->problem("percent", "example \"" + name + "\": each agent loses " + std::to_string(got.total_percent) +
                                   "% in all, the example expects " + std::to_string(*want) + "%");
  return true;
}

}  // namespace waihu::discipline
