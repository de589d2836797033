#include "discipline/claim_rules.hpp"

#include <gtest/gtest.h>

namespace waihu::discipline {

namespace {
using org::Role;
const ClaimPolicy kCumulative{30, 50, true};
const ClaimPolicy kReplacing{30, 50, false};
ClaimState at(ClaimStage s, bool open = true) { return {open, s, true}; }
}  // namespace

TEST(ClaimPenalty, CumulativeAddsTheCompanysShareToTheManagers) {
  const ClaimPenalty m = escalation_penalty(&kCumulative, ClaimStage::kManager, 0);
  EXPECT_EQ(m.percent, 30);
  EXPECT_EQ(m.total_percent, 30);
  const ClaimPenalty c = escalation_penalty(&kCumulative, ClaimStage::kCompany, m.total_percent);
  EXPECT_EQ(c.percent, 50);
  EXPECT_EQ(c.total_percent, 80);
}

TEST(ClaimPenalty, ReplacingTakesOnlyWhatIsMissingUpToTheCompanysShare) {
  const ClaimPenalty m = escalation_penalty(&kReplacing, ClaimStage::kManager, 0);
  EXPECT_EQ(m.total_percent, 30);
  const ClaimPenalty c = escalation_penalty(&kReplacing, ClaimStage::kCompany, m.total_percent);
  EXPECT_EQ(c.percent, 20);
  EXPECT_EQ(c.total_percent, 50);
  // A company share smaller than the manager's never gives money back.
  const ClaimPolicy odd{40, 30, false};
  const ClaimPenalty o = escalation_penalty(&odd, ClaimStage::kCompany, 40);
  EXPECT_EQ(o.percent, 0);
  EXPECT_EQ(o.total_percent, 40);
}

TEST(ClaimPenalty, NoPolicyCostsNothing) { EXPECT_EQ(escalation_penalty(nullptr, ClaimStage::kCompany, 0).percent, 0); }

TEST(ClaimRules, TheTwoAgentsSettleOrEscalateButNeverDecide) {
  const ClaimActor party{Role::kAgent, true, false};
  EXPECT_FALSE(claim_refusal(ClaimAction::kYield, at(ClaimStage::kAgents), party));
  EXPECT_FALSE(claim_refusal(ClaimAction::kEscalate, at(ClaimStage::kAgents), party));
  EXPECT_FALSE(claim_refusal(ClaimAction::kEscalate, at(ClaimStage::kManager), party));
  EXPECT_TRUE(claim_refusal(ClaimAction::kEscalate, at(ClaimStage::kCompany), party));
  EXPECT_TRUE(claim_refusal(ClaimAction::kDecide, at(ClaimStage::kManager), party));
  // Giving up stays possible after an escalation (the penalty taken stays taken).
  EXPECT_FALSE(claim_refusal(ClaimAction::kYield, at(ClaimStage::kCompany), party));
  const ClaimActor other{Role::kAgent, false, false};
  EXPECT_TRUE(claim_refusal(ClaimAction::kYield, at(ClaimStage::kAgents), other));
  EXPECT_TRUE(claim_refusal(ClaimAction::kEscalate, at(ClaimStage::kAgents), other));
}

TEST(ClaimRules, TheManagerOfBothDecidesAtTheManagersStageTheCompanyAtItsOwn) {
  const ClaimActor manager{Role::kManager, false, true};
  const ClaimActor manager_of_one{Role::kManager, false, false};
  const ClaimActor supervisor{Role::kSupervisor, false, true};
  const ClaimActor director{Role::kDirector, false, true};
  EXPECT_TRUE(claim_refusal(ClaimAction::kDecide, at(ClaimStage::kAgents), manager));
  EXPECT_FALSE(claim_refusal(ClaimAction::kDecide, at(ClaimStage::kManager), manager));
  EXPECT_TRUE(claim_refusal(ClaimAction::kDecide, at(ClaimStage::kManager), manager_of_one));
  EXPECT_TRUE(claim_refusal(ClaimAction::kDecide, at(ClaimStage::kManager), supervisor));
  EXPECT_TRUE(claim_refusal(ClaimAction::kDecide, at(ClaimStage::kCompany), manager));
  EXPECT_FALSE(claim_refusal(ClaimAction::kDecide, at(ClaimStage::kCompany), director));
  EXPECT_FALSE(claim_refusal(ClaimAction::kEscalate, at(ClaimStage::kManager), manager));
  EXPECT_TRUE(claim_refusal(ClaimAction::kEscalate, at(ClaimStage::kAgents), supervisor));
}

TEST(ClaimRules, AClosedCaseRefusesEverything) {
  const ClaimActor director{Role::kDirector, false, true};
  const ClaimActor party{Role::kAgent, true, false};
  EXPECT_TRUE(claim_refusal(ClaimAction::kDecide, at(ClaimStage::kCompany, false), director));
  EXPECT_TRUE(claim_refusal(ClaimAction::kYield, at(ClaimStage::kAgents, false), party));
  // A case naming one agent (a pool import) has nobody to give the customer to.
  EXPECT_TRUE(claim_refusal(ClaimAction::kYield, {true, ClaimStage::kAgents, false}, party));
}

}  // namespace waihu::discipline
