#include "discipline/points_rules.hpp"

#include <gtest/gtest.h>

namespace waihu::discipline {

namespace {
// Seed 004: 100 a month; above 120 → 200 yuan; below 80 → −200 yuan; 高于 / 低于 leave the thresholds out.
PointsPolicy seed_004() {
  PointsPolicy p;
  p.base = 100;
  p.bonus_above = 120;
  p.bonus_fen = 20000;
  p.penalty_below = 80;
  p.penalty_fen = 20000;
  p.items = {{"missed_meeting", "公司会议缺席", "Missed a meeting", -2, 0, Dismissal::kNever},
             {"leaking_data", "泄露客户资料", "Leaking data", 0, 0, Dismissal::kAlways}};
  return p;
}
}  // namespace

TEST(Points, ExactlyOnAThresholdTriggersNothingUnderSeed004) {
  EXPECT_EQ(judge_month(seed_004(), -20).penalty_fen, 0);  // exactly 80
  EXPECT_EQ(judge_month(seed_004(), -21).penalty_fen, 20000);
  EXPECT_EQ(judge_month(seed_004(), 20).bonus_fen, 0);  // exactly 120
  EXPECT_EQ(judge_month(seed_004(), 21).bonus_fen, 20000);
  const MonthEnd m = judge_month(seed_004(), -21);
  EXPECT_EQ(m.start, 100);
  EXPECT_EQ(m.end, 79);
  EXPECT_EQ(m.bonus_fen, 0);
}

TEST(Points, InclusiveThresholdsCountTheBoundary) {
  PointsPolicy p = seed_004();
  p.inclusive = true;
  EXPECT_EQ(judge_month(p, -20).penalty_fen, 20000);
  EXPECT_EQ(judge_month(p, 20).bonus_fen, 20000);
  EXPECT_EQ(judge_month(p, 0).bonus_fen + judge_month(p, 0).penalty_fen, 0);
}

TEST(Points, CatalogueLookupAndAutomaticItems) {
  const PointsPolicy p = seed_004();
  ASSERT_NE(find_item(p, "missed_meeting"), nullptr);
  EXPECT_EQ(find_item(p, "missed_meeting")->points, -2);
  EXPECT_EQ(find_item(p, "leaking_data")->dismissal, Dismissal::kAlways);
  EXPECT_EQ(find_item(p, "late"), nullptr);
  EXPECT_TRUE(is_automatic_item("late"));
  EXPECT_TRUE(is_automatic_item("month_bonus"));
  EXPECT_FALSE(is_automatic_item("missed_meeting"));
}

}  // namespace waihu::discipline

namespace waihu::discipline {

TEST(Points, ObjectionsOnlyToWhatCostsWithinTheWindow) {
  PointsPolicy p;
  p.objection_days = 7;
  EXPECT_TRUE(costs_something(-2, 0, 0));
  EXPECT_TRUE(costs_something(0, 1000, 0));
  EXPECT_TRUE(costs_something(0, 0, 1500));
  EXPECT_FALSE(costs_something(5, 0, 0));  // a bonus item
  EXPECT_TRUE(within_objection_window(p.objection_days, 1000, 1000 + 7 * 86400));
  EXPECT_FALSE(within_objection_window(p.objection_days, 1000, 1000 + 7 * 86400 + 1));
}

}  // namespace waihu::discipline
