#include "discipline/report_rules.hpp"

#include <gtest/gtest.h>

#include <set>

namespace waihu::discipline {

namespace {
using calendar::Weekday;
calendar::LocalDate d(const char* s) { return *calendar::LocalDate::parse(s); }
// Monday to Friday, with National Day (1–7 October 2026) off.
bool working(const calendar::LocalDate& x) {
  if (d("2026-10-01") <= x && x <= d("2026-10-07")) return false;
  return x.weekday() != Weekday::kSaturday && x.weekday() != Weekday::kSunday;
}
ReportRule weekly() {  // seed 001: Saturday 22:00, 50 yuan, half into the fund
  ReportRule r;
  r.kind = ReportKind::kWeekly;
  r.due_day = DueDay::kWeekday;
  r.due_weekday = Weekday::kSaturday;
  r.due_minute = 22 * 60;
  r.item = "report_missing";
  r.fine_fen = 5000;
  r.fund_percent = 50;
  return r;
}
ReportRule monthly() {
  ReportRule r = weekly();
  r.kind = ReportKind::kMonthly;
  r.due_day = DueDay::kFirstWorkingDay;
  r.due_minute = 18 * 60;
  return r;
}
}  // namespace

TEST(ReportPeriod, NamesAreDaysIsoWeeksAndMonths) {
  auto w = report_period(ReportKind::kWeekly, "2026-W45", Weekday::kMonday);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->days.from.str(), "2026-11-02");
  EXPECT_EQ(w->days.to.str(), "2026-11-08");
  // A week starting on Sunday is named by the ISO week of its Monday.
  auto s = report_period(ReportKind::kWeekly, "2026-W45", Weekday::kSunday);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->days.from.str(), "2026-11-01");
  EXPECT_EQ(report_period_of(ReportKind::kWeekly, d("2026-11-01"), Weekday::kSunday).name, "2026-W45");
  EXPECT_EQ(report_period_of(ReportKind::kWeekly, d("2026-11-01"), Weekday::kMonday).name, "2026-W44");
  // 2026 has a 53rd ISO week; 2025 does not. Week 1 of 2027 begins in 2027, of 2026 in December 2025.
  EXPECT_TRUE(report_period(ReportKind::kWeekly, "2026-W53", Weekday::kMonday));
  EXPECT_FALSE(report_period(ReportKind::kWeekly, "2025-W53", Weekday::kMonday));
  EXPECT_EQ(report_period(ReportKind::kWeekly, "2026-W01", Weekday::kMonday)->days.from.str(), "2025-12-29");
  EXPECT_EQ(report_period_of(ReportKind::kWeekly, d("2025-12-31"), Weekday::kMonday).name, "2026-W01");
  for (const char* bad : {"2026-W00", "2026-W54", "2026W45", "2026-w45", "2026-W4x", ""})
    EXPECT_FALSE(report_period(ReportKind::kWeekly, bad, Weekday::kMonday)) << bad;
  EXPECT_EQ(report_period(ReportKind::kMonthly, "2026-02", Weekday::kMonday)->days.to.str(), "2026-02-28");
  EXPECT_FALSE(report_period(ReportKind::kMonthly, "2026-13", Weekday::kMonday));
  EXPECT_FALSE(report_period(ReportKind::kDaily, "2026-02-30", Weekday::kMonday));
}

TEST(ReportDue, TheWeeklyReportIsDueOnItsSaturdayAndJudgedThatDay) {
  const ReportRule r = weekly();
  std::set<std::string> due_days;
  for (auto x = d("2026-11-02"); x <= d("2026-11-15"); x = x.plus_days(1))
    if (auto p = period_due_on(r, x, Weekday::kMonday, working)) {
      due_days.insert(x.str());
      EXPECT_EQ(due_date(r, *p, working), x);
    }
  EXPECT_EQ(due_days, (std::set<std::string>{"2026-11-07", "2026-11-14"}));
}

TEST(ReportDue, AHolidayWeekAsksForNoReportUnlessTheRuleSaysSo) {
  ReportRule r = weekly();
  // 2026-W40 is 28 Sep – 4 Oct: two working days; 2026-W41 (5–11 Oct) has 8 and 9 October.
  EXPECT_TRUE(period_due_on(r, d("2026-10-03"), Weekday::kMonday, working));
  auto all_off = [](const calendar::LocalDate&) { return false; };
  EXPECT_FALSE(period_due_on(r, d("2026-10-03"), Weekday::kMonday, all_off));
  r.skip_without_work = false;
  EXPECT_TRUE(period_due_on(r, d("2026-10-03"), Weekday::kMonday, all_off));
}

TEST(ReportDue, TheMonthlyReportIsDueOnTheNextMonthsFirstWorkingDay) {
  const ReportRule r = monthly();
  // September's report: 1 October to 7 October are off, so it is due on Thursday 8 October.
  auto p = report_period(ReportKind::kMonthly, "2026-09", Weekday::kMonday);
  EXPECT_EQ(due_date(r, *p, working).str(), "2026-10-08");
  EXPECT_FALSE(period_due_on(r, d("2026-10-01"), Weekday::kMonday, working));
  auto due = period_due_on(r, d("2026-10-08"), Weekday::kMonday, working);
  ASSERT_TRUE(due);
  EXPECT_EQ(due->name, "2026-09");
  // October's: 1 November is a Sunday, so Monday 2 November.
  EXPECT_EQ(period_due_on(r, d("2026-11-02"), Weekday::kMonday, working)->name, "2026-10");
}

TEST(ReportDue, ADailyReportIsAskedOnWorkingDaysOnly) {
  ReportRule r = weekly();
  r.kind = ReportKind::kDaily;
  r.due_day = DueDay::kSameDay;
  EXPECT_TRUE(period_due_on(r, d("2026-11-06"), Weekday::kMonday, working));
  EXPECT_FALSE(period_due_on(r, d("2026-11-07"), Weekday::kMonday, working));
  EXPECT_FALSE(period_due_on(r, d("2026-10-02"), Weekday::kMonday, working));
}

TEST(ReportStanding, TheDeadlineSecondIsOnTimeTheNextIsLate) {
  EXPECT_EQ(judge_report(1000, 1000), ReportStanding::kOnTime);
  EXPECT_EQ(judge_report(1001, 1000), ReportStanding::kLate);
  EXPECT_EQ(judge_report(std::nullopt, 1000), ReportStanding::kMissing);
}

TEST(ReportCost, LateCostsAsMissingOrNothingAsTheRuleSays) {
  ReportRule r = weekly();
  EXPECT_FALSE(report_cost(r, ReportStanding::kOnTime));
  auto late = report_cost(r, ReportStanding::kLate);
  ASSERT_TRUE(late);
  EXPECT_EQ(late->fine_fen, 5000);
  EXPECT_EQ(late->fund_fen, 2500);
  r.late_as_missing = false;
  EXPECT_FALSE(report_cost(r, ReportStanding::kLate));
  EXPECT_TRUE(report_cost(r, ReportStanding::kMissing));
  // A rule with no fine and no points records the report and costs nothing (presets A and B).
  r.fine_fen = 0;
  r.fund_percent = 0;
  EXPECT_FALSE(report_cost(r, ReportStanding::kMissing));
  r.points = -5;
  EXPECT_EQ(report_cost(r, ReportStanding::kMissing)->points, -5);
}

TEST(ReportCost, TheFundsShareRoundsHalfUp) {
  EXPECT_EQ(fund_share(5000, 50), 2500);
  EXPECT_EQ(fund_share(5001, 50), 2501);  // 2500.5
  EXPECT_EQ(fund_share(4999, 50), 2500);  // 2499.5
  EXPECT_EQ(fund_share(1, 33), 0);
  EXPECT_EQ(fund_share(5000, 0), 0);
  EXPECT_EQ(fund_share(5000, 100), 5000);
}

}  // namespace waihu::discipline
