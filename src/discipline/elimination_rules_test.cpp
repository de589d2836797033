#include "discipline/elimination_rules.hpp"

#include <gtest/gtest.h>

namespace waihu::discipline {

namespace {
// Seed 001 as preset: bottom three of the company → warning; two months in a row under 8,000 → elimination; a month
// at zero → elimination.
EliminationPolicy seed001() {
  EliminationPolicy p;
  p.roles = {"agent"};
  p.metric = "revenue_fen";
  EliminationRule bottom;
  bottom.when = EliminationTrigger::kBottom;
  bottom.count = 3;
  EliminationRule months;
  months.when = EliminationTrigger::kBelowMonths;
  months.under = 800000;
  months.months = 2;
  months.proposes = Proposal::kElimination;
  EliminationRule zero;
  zero.when = EliminationTrigger::kZero;
  zero.proposes = Proposal::kElimination;
  p.rules = {bottom, months, zero};
  return p;
}
const EliminationCase* find(const std::vector<EliminationCase>& cs, long long id) {
  for (const auto& c : cs)
    if (c.user_id == id) return &c;
  return nullptr;
}
}  // namespace

TEST(Elimination, BottomThreeAreWarnedZeroAndTwoMonthsUnderTheBaselineAreEliminated) {
  const auto p = seed001();
  // 1: 0 this month; 2: 7,999.99 now and 7,500 before; 3: 7,999.99 now, 8,000 before (exactly the baseline: not
  // under); 4..6 well above; 7: 5,000 but joined this month (no month before).
  const std::vector<MonthFigure> people{{1, 1, 0, {900000}},  {2, 1, 799999, {750000}}, {3, 1, 799999, {800000}},
                                        {4, 1, 1500000, {0}}, {5, 2, 2000000, {}},      {6, 2, 3000000, {}},
                                        {7, 2, 500000, {}}};
  const auto cs = eliminations(p, people);
  ASSERT_NE(find(cs, 1), nullptr);
  EXPECT_EQ(find(cs, 1)->proposes, Proposal::kElimination);  // zero, and bottom
  EXPECT_EQ(find(cs, 1)->caught.size(), 2u);
  ASSERT_NE(find(cs, 2), nullptr);
  EXPECT_EQ(find(cs, 2)->proposes, Proposal::kElimination);  // two months under
  ASSERT_NE(find(cs, 3), nullptr);
  EXPECT_EQ(find(cs, 3)->proposes, Proposal::kWarning);  // third from the bottom, tied with 2 at 7,999.99
  ASSERT_NE(find(cs, 7), nullptr);
  EXPECT_EQ(find(cs, 7)->proposes, Proposal::kWarning) << "5,000 is under the baseline, but one month is no run of two";
  EXPECT_EQ(find(cs, 7)->caught.size(), 1u);
  EXPECT_EQ(find(cs, 4), nullptr) << "zero last month, fine this month";
  EXPECT_EQ(cs.size(), 4u) << "0, 5,000 and the two tied at 7,999.99: ties at the edge are all listed";
  EXPECT_EQ(cs.back().user_id, 1);  // worst last
  EXPECT_EQ(cs.back().rank, 7);
  EXPECT_EQ(cs.back().people, 7);
}

TEST(Elimination, TheTeamRankingRanksWithinEachTeam) {
  EliminationPolicy p = seed001();
  p.rules = {p.rules[0]};
  p.rules[0].count = 1;
  p.rules[0].among_team = true;
  const std::vector<MonthFigure> people{{1, 1, 100, {}}, {2, 1, 200, {}}, {3, 2, 5000, {}}, {4, 2, 9000, {}}};
  const auto cs = eliminations(p, people);
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(cs[0].user_id, 3);  // last of team 2, though third in the company
  EXPECT_EQ(cs[0].caught[0].rank, 2);
  EXPECT_EQ(cs[0].caught[0].of, 2);
  EXPECT_EQ(cs[1].user_id, 1);
}

TEST(Elimination, TheRunNeedsEveryMonthOnTheStaff) {
  EliminationPolicy p = seed001();
  p.rules = {p.rules[1]};
  p.rules[0].months = 3;
  EXPECT_EQ(months_looked_back(p), 2);
  EXPECT_TRUE(eliminations(p, {{1, 1, 0, {0}}}).empty()) << "two months on the staff are no run of three";
  EXPECT_EQ(eliminations(p, {{1, 1, 0, {0, 799999}}}).size(), 1u);
  EXPECT_TRUE(eliminations(p, {{1, 1, 0, {0, 800000}}}).empty());
}

}  // namespace waihu::discipline
