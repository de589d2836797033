#include "discipline/attendance_rules.hpp"

#include <gtest/gtest.h>

namespace waihu::discipline {

namespace {
// Seed 004: ≤ 30 minutes 10 yuan and −2; more: half a day absent, −5; a day −10; absence 3× a day's base.
AttendancePolicy seed_004() {
  AttendancePolicy p;
  p.roles = {"agent"};
  p.minor_up_to_minutes = 30;
  p.minor_fine_fen = 1000;
  p.minor_points = -2;
  p.half_day_points = -5;
  p.day_points = -10;
  p.absence_base_times = 3;
  return p;
}
AttendanceFacts day(std::optional<int> in, std::optional<int> out, bool worked = true) {
  AttendanceFacts f;
  f.clock_in = in;
  f.clock_out = out;
  f.worked = worked;
  return f;
}
std::string items(const AttendanceJudgement& j) {
  std::string s;
  for (const auto& e : j.entries) s += (s.empty() ? "" : ",") + e.item;
  return s;
}
}  // namespace

TEST(Attendance, OnTimeIsPresent) {
  auto j = judge_day(seed_004(), day(9 * 60, 18 * 60));
  EXPECT_EQ(j.outcome, "present");
  EXPECT_TRUE(j.entries.empty());
  EXPECT_EQ(judge_day(seed_004(), day(8 * 60 + 40, 19 * 60)).outcome, "present");
}

TEST(Attendance, ThirtyMinutesLateIsMinorThirtyOneIsHalfADay) {
  auto j30 = judge_day(seed_004(), day(9 * 60 + 30, 18 * 60));
  ASSERT_EQ(items(j30), "late");
  EXPECT_EQ(j30.late_minutes, 30);
  EXPECT_EQ(j30.entries[0].fine_fen, 1000);
  EXPECT_EQ(j30.entries[0].points, -2);
  auto j31 = judge_day(seed_004(), day(9 * 60 + 31, 18 * 60));
  ASSERT_EQ(items(j31), "absent_half_day");
  EXPECT_EQ(j31.entries[0].points, -5);
  EXPECT_EQ(j31.entries[0].fine_fen, 0);
  EXPECT_EQ(j31.entries[0].base_days_milli, 1500);  // half of 3 days' base
}

TEST(Attendance, OverTheLimitAlsoFinedWhenThePolicySaysSo) {
  auto p = seed_004();
  p.major_also_minor_fine = true;
  p.half_day_costs_half = false;
  auto j = judge_day(p, day(9 * 60 + 45, 18 * 60));
  ASSERT_EQ(items(j), "absent_half_day");
  EXPECT_EQ(j.entries[0].fine_fen, 1000);
  EXPECT_EQ(j.entries[0].base_days_milli, 3000);
}

TEST(Attendance, LateAndEarlyAreTwoEntries) {
  auto j = judge_day(seed_004(), day(9 * 60 + 5, 17 * 60 + 50));
  EXPECT_EQ(j.outcome, "late+early");
  EXPECT_EQ(j.early_minutes, 10);
}

TEST(Attendance, MissingClockCountsAsThePolicySays) {
  auto j = judge_day(seed_004(), day(std::nullopt, 18 * 60));
  ASSERT_EQ(items(j), "late");
  EXPECT_EQ(j.entries[0].rule, "attendance.missing_clock");
  auto p = seed_004();
  p.missing_clock_is_minor = false;
  EXPECT_EQ(items(judge_day(p, day(9 * 60, std::nullopt))), "absent_half_day");
}

TEST(Attendance, NoShowIsADayAbsentOrLateAndEarly) {
  auto j = judge_day(seed_004(), day(std::nullopt, std::nullopt, false));
  ASSERT_EQ(items(j), "absent_day");
  EXPECT_EQ(j.entries[0].points, -10);
  EXPECT_EQ(j.entries[0].base_days_milli, 3000);
  // Calls without any clock: present but unclocked, late and early.
  EXPECT_EQ(items(judge_day(seed_004(), day(std::nullopt, std::nullopt, true))), "late,early");
  auto p = seed_004();
  p.no_show_is_absent_day = false;
  EXPECT_EQ(items(judge_day(p, day(std::nullopt, std::nullopt, false))), "late,early");
}

}  // namespace waihu::discipline
