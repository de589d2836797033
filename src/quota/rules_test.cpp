#include "quota/rules.hpp"

#include <gtest/gtest.h>

namespace waihu::quota {

namespace {
calendar::LocalDate d(const char* ymd) { return *calendar::LocalDate::parse(ymd); }

// Preset A (seed 003 方案2): 120 effective calls, 25 worth following; in the company under half a month 80 and 15
// interested; 5 yuan per unit short on both.
QuotaPolicy preset_a() {
  QuotaPolicy p;
  p.new_hire.in_company_under_days = 15;
  p.daily = {{"effective_calls", 120, "effective_calls", 80, 500},
             {"follow_up_worthy", 25, "interested_customers", 15, 500}};
  return p;
}
}  // namespace

TEST(NewHire, HalfAMonthEndsAfterTheFifteenthDay) {
  NewHireRule r;
  r.in_company_under_days = 15;
  EXPECT_TRUE(is_new_hire(r, d("2026-10-01"), 0, d("2026-10-01")));
  EXPECT_TRUE(is_new_hire(r, d("2026-10-01"), 0, d("2026-10-15")));  // day 15
  EXPECT_FALSE(is_new_hire(r, d("2026-10-01"), 0, d("2026-10-16")));
  EXPECT_TRUE(is_new_hire(r, d("2026-10-20"), 0, d("2026-10-16")));  // not yet hired
}

TEST(NewHire, AllOrAnyOfSixMonthsAndAYearBefore) {
  NewHireRule r;
  r.in_company_under_months = 6;
  r.prior_months_under = 12;
  r.all = true;
  EXPECT_TRUE(is_new_hire(r, d("2026-05-10"), 0, d("2026-11-09")));    // 5 whole months, no experience
  EXPECT_FALSE(is_new_hire(r, d("2026-05-10"), 0, d("2026-11-10")));   // 6 months
  EXPECT_FALSE(is_new_hire(r, d("2026-05-10"), 12, d("2026-06-01")));  // a year of telesales before
  r.all = false;
  EXPECT_TRUE(is_new_hire(r, d("2026-05-10"), 12, d("2026-06-01")));
  EXPECT_TRUE(is_new_hire(r, d("2020-01-01"), 3, d("2026-06-01")));
  EXPECT_FALSE(is_new_hire(r, d("2020-01-01"), 12, d("2026-06-01")));
  EXPECT_FALSE(is_new_hire(NewHireRule{}, d("2026-10-01"), 0, d("2026-10-01")));  // no rule: nobody
}

TEST(WholeMonths, CountOnlyCompletedMonthsAndMonthEnds) {
  EXPECT_EQ(whole_months(d("2026-05-10"), d("2026-11-09")), 5);
  EXPECT_EQ(whole_months(d("2026-05-10"), d("2026-11-10")), 6);
  EXPECT_EQ(whole_months(d("2026-01-31"), d("2026-02-28")), 1);
  EXPECT_EQ(whole_months(d("2026-01-31"), d("2026-02-27")), 0);
  EXPECT_EQ(whole_months(d("2026-03-01"), d("2026-02-01")), 0);
}

TEST(EvaluateDay, ExactlyTheTargetIsMetOneShortIsFined) {
  const auto met = evaluate_day(preset_a(), {{"effective_calls", 120}, {"follow_up_worthy", 25}}, false);
  ASSERT_EQ(met.size(), 2u);
  EXPECT_EQ(met[0].short_by, 0);
  EXPECT_EQ(met[0].fine_fen, 0);
  const auto one_short = evaluate_day(preset_a(), {{"effective_calls", 119}, {"follow_up_worthy", 30}}, false);
  EXPECT_EQ(one_short[0].short_by, 1);
  EXPECT_EQ(one_short[0].fine_fen, 500);
  EXPECT_EQ(one_short[1].short_by, 0);  // more than the target is not a credit elsewhere
}

TEST(EvaluateDay, ANewHireIsCountedOnTheirOwnMetricAndTarget) {
  const auto r =
      evaluate_day(preset_a(), {{"effective_calls", 70}, {"follow_up_worthy", 20}, {"interested_customers", 12}}, true);
  EXPECT_EQ(r[0].target, 80);
  EXPECT_EQ(r[0].short_by, 10);
  EXPECT_EQ(r[1].metric, "interested_customers");
  EXPECT_EQ(r[1].target, 15);
  EXPECT_EQ(r[1].actual, 12);
  EXPECT_EQ(r[1].fine_fen, 1500);
  // A metric the day has no figure for counts 0.
  EXPECT_EQ(evaluate_day(preset_a(), {}, false)[0].short_by, 120);
}

}  // namespace waihu::quota

namespace waihu::quota {
TEST(Visits, ATargetIsLoweredProRataToTheTimeOutRoundedAsStated) {
  const TimeOut two_hours{120, 540};
  EXPECT_EQ(lowered_target(120, VisitRule{VisitRounding::kUp}, two_hours), 94);  // 93.33
  EXPECT_EQ(lowered_target(120, VisitRule{VisitRounding::kDown}, two_hours), 93);
  EXPECT_EQ(lowered_target(120, VisitRule{VisitRounding::kHalfUp}, two_hours), 93);
  EXPECT_EQ(lowered_target(25, VisitRule{VisitRounding::kHalfUp}, {270, 540}), 13);  // 12.5
  EXPECT_EQ(lowered_target(120, VisitRule{VisitRounding::kUp}, {180, 540}), 80);     // exact: no rounding
  EXPECT_EQ(lowered_target(120, VisitRule{VisitRounding::kUp}, {540, 540}), 0);
  EXPECT_EQ(lowered_target(120, VisitRule{VisitRounding::kUp}, {600, 540}), 0);  // never below zero
  // No rule, no time out or no workday: the target stands.
  EXPECT_EQ(lowered_target(120, std::nullopt, two_hours), 120);
  EXPECT_EQ(lowered_target(120, VisitRule{}, {0, 540}), 120);
  EXPECT_EQ(lowered_target(120, VisitRule{}, {120, 0}), 120);
}
}  // namespace waihu::quota

namespace waihu::quota {

TEST(Shortfall, PresetBStaysThirtyMinutesThenOwesSundayOnlyIfStillShort) {
  ShortfallRule b;
  b.check_minute = 17 * 60 + 50;
  b.stay_late_minutes = 30;
  b.extension_counts = true;
  b.sunday = SundayOvertime::kPerWeek;
  EXPECT_FALSE(shortfall_consequence(b, false, false).stay_late);
  const Consequence caught_up = shortfall_consequence(b, true, false);
  EXPECT_TRUE(caught_up.stay_late);
  EXPECT_FALSE(caught_up.sunday_overtime) << "finished in the extension: the day is made";
  EXPECT_TRUE(shortfall_consequence(b, true, true).sunday_overtime);
  // Choice 10 the other way: the extension does not clear the day, so short at the check means Sunday too.
  b.extension_counts = false;
  EXPECT_TRUE(shortfall_consequence(b, true, false).sunday_overtime);
  EXPECT_EQ(sunday_sessions(SundayOvertime::kPerWeek, 3), 1);
  EXPECT_EQ(sunday_sessions(SundayOvertime::kPerDay, 3), 3);
  EXPECT_EQ(sunday_sessions(SundayOvertime::kPerDay, 0), 0);
}

TEST(Shortfall, PresetAStaysUntilDoneAndNeverOwesASunday) {
  ShortfallRule a;  // until done
  const Consequence c = shortfall_consequence(a, true, true);
  EXPECT_TRUE(c.stay_late);
  EXPECT_FALSE(c.sunday_overtime);
}

}  // namespace waihu::quota
