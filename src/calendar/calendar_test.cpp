#include "calendar/calendar.hpp"

#include <gtest/gtest.h>

#include "calendar/company_time.hpp"
#include "calendar/work_calendar.hpp"
#include "util/clock.hpp"

namespace waihu::calendar {

namespace {
LocalDate D(const char* s) { return *LocalDate::parse(s); }
util::UnixSeconds at(const char* iso) { return *util::parse_iso8601(iso); }
}  // namespace

TEST(LocalDate, ParsesRealDatesOnly) {
  EXPECT_EQ(D("2024-02-29").str(), "2024-02-29");
  EXPECT_FALSE(LocalDate::parse("2026-02-29"));
  EXPECT_FALSE(LocalDate::parse("2026-13-01"));
  EXPECT_FALSE(LocalDate::parse("2026-1-01"));
  EXPECT_FALSE(LocalDate::parse("2026/01/01"));
  EXPECT_EQ(D("1970-01-01").days(), 0);
  EXPECT_EQ(LocalDate::from_days(-1).str(), "1969-12-31");
  EXPECT_EQ(D("2026-12-31").plus_days(1).str(), "2027-01-01");
  EXPECT_EQ(D("2026-12-02").weekday(), Weekday::kWednesday);
}

TEST(Month, KnowsItsLastDayAcrossYearsAndLeapYears) {
  EXPECT_EQ((Month{2024, 2}).last().str(), "2024-02-29");
  EXPECT_EQ((Month{2026, 2}).last().str(), "2026-02-28");
  EXPECT_EQ((Month{2026, 12}).next().str(), "2027-01");
  EXPECT_EQ((Month{2026, 1}).previous().str(), "2025-12");
  EXPECT_EQ((Month{2026, 10}).period().days(), 31);
  EXPECT_FALSE(Month::parse("2026-00"));
  EXPECT_EQ(Month::parse("2026-11")->str(), "2026-11");
}

TEST(Week, StartsOnTheDayThePolicySays) {
  // Wednesday 2026-12-02: the ISO week runs Monday 11-30 to Sunday 12-06; a Sunday-start week 11-29 to 12-05.
  Period iso = week_of(D("2026-12-02"));
  EXPECT_EQ(iso.from.str(), "2026-11-30");
  EXPECT_EQ(iso.to.str(), "2026-12-06");
  Period sunday = week_of(D("2026-12-02"), Weekday::kSunday);
  EXPECT_EQ(sunday.from.str(), "2026-11-29");
  EXPECT_EQ(sunday.to.str(), "2026-12-05");
  EXPECT_EQ(week_of(D("2026-11-29"), Weekday::kSunday).from.str(), "2026-11-29");  // a Sunday starts its own
}

TEST(IsoWeek, BelongsToTheYearOfItsThursday) {
  EXPECT_EQ(iso_week(D("2026-01-01")).week, 1);     // a Thursday
  EXPECT_EQ(iso_week(D("2027-01-01")).year, 2026);  // a Friday: the last week of 2026
  EXPECT_EQ(iso_week(D("2027-01-01")).week, 53);
  EXPECT_EQ(iso_week(D("2024-12-30")).year, 2025);  // a Monday: the first week of 2025
}

TEST(Bounds, AreMidnightToMidnightInTheZone) {
  auto shanghai = *util::TimeZone::named("Asia/Shanghai");
  Bounds day = bounds(D("2026-12-02"), shanghai);
  EXPECT_EQ(day.from, at("2026-12-01T16:00:00Z"));
  EXPECT_EQ(day.to - day.from, 86400);
  Bounds october = bounds(Month{2026, 10}.period(), shanghai);
  EXPECT_EQ(october.from, at("2026-09-30T16:00:00Z"));
  EXPECT_EQ(october.to, at("2026-10-31T16:00:00Z"));
  EXPECT_EQ(date_at(at("2026-12-01T15:59:59Z"), shanghai).str(), "2026-12-01");
  EXPECT_EQ(date_at(at("2026-12-01T16:00:00Z"), shanghai).str(), "2026-12-02");
}

TEST(Bounds, ADaylightSavingDayIs23Or25Hours) {
  auto new_york = *util::TimeZone::named("America/New_York");
  EXPECT_EQ(bounds(D("2026-03-08"), new_york).to - bounds(D("2026-03-08"), new_york).from, 23 * 3600);
  EXPECT_EQ(bounds(D("2026-11-01"), new_york).to - bounds(D("2026-11-01"), new_york).from, 25 * 3600);
  EXPECT_EQ(bounds(D("2026-11-01"), new_york).from, at("2026-11-01T04:00:00Z"));
  EXPECT_EQ(date_at(at("2026-11-01T04:30:00Z"), new_york).str(), "2026-11-01");
  EXPECT_EQ(date_at(at("2026-11-01T03:59:59Z"), new_york).str(), "2026-10-31");
}

TEST(CompanyTime, CountsTodayInTheCompanysZone) {
  util::FixedClock clock(at("2026-11-18T19:06:40+08:00"));
  CompanyTime time(clock);
  EXPECT_EQ(time.zone_id(), "Asia/Shanghai");
  EXPECT_EQ(time.today().str(), "2026-11-18");
  EXPECT_EQ(time.day_start(clock.now()), at("2026-11-17T16:00:00Z"));
  EXPECT_EQ(time.day_start(at("2026-11-17T16:00:00Z")), at("2026-11-17T16:00:00Z"));
  EXPECT_EQ(time.day_start(at("2026-11-17T15:59:59Z")), at("2026-11-16T16:00:00Z"));
  EXPECT_EQ(time.date_at(at("2026-11-18T16:00:00Z")).str(), "2026-11-19");  // midnight in China
  EXPECT_EQ(util::format_iso_utc(time.wall_seconds(clock.now())), "2026-11-18T19:06:40Z");
  EXPECT_EQ(time.utc_offset(clock.now()), 8 * 3600);
}

TEST(CompanyTime, FollowsThePolicysZoneAcrossDaylightSaving) {
  util::FixedClock clock(at("2026-03-08T12:00:00Z"));  // the day New York moves its clocks forward
  CompanyTime time(clock);
  ASSERT_TRUE(time.set_zone("America/New_York"));
  EXPECT_EQ(time.today().str(), "2026-03-08");
  const Bounds day = time.bounds(time.today());
  EXPECT_EQ(day.to - day.from, 23 * 3600);
  EXPECT_EQ(time.utc_offset(day.from), -5 * 3600);
  EXPECT_EQ(time.utc_offset(day.to), -4 * 3600);
  EXPECT_FALSE(time.set_zone("Mars/Olympus"));
  EXPECT_EQ(time.zone_id(), "America/New_York");
  EXPECT_THROW(CompanyTime(clock, "Nowhere/City"), std::invalid_argument);
}

TEST(WorkCalendar, HolidaysAndMakeupDaysDecideTheFirstWorkingDay) {
  // A National Day week as the State Council sets them: 10-01 to 10-07 off, Sunday 09-27 and Saturday 10-10
  // worked instead (调休). (Dates for the test; the real ones come from the admin's calendar.)
  WorkCalendar cal;
  for (LocalDate d = D("2026-10-01"); d <= D("2026-10-07"); d = d.plus_days(1)) cal.mark(d, DayKind::kHoliday);
  cal.mark(D("2026-09-27"), DayKind::kMakeup);
  cal.mark(D("2026-10-10"), DayKind::kMakeup);
  EXPECT_EQ(cal.first_working_day(Month{2026, 10})->str(), "2026-10-08");
  EXPECT_TRUE(cal.is_working(D("2026-10-10")));  // a Saturday, worked
  EXPECT_EQ(cal.kind(D("2026-10-11")), DayKind::kRest);
  EXPECT_EQ(cal.working_day_before(D("2026-10-08"))->str(), "2026-09-30");
  EXPECT_EQ(cal.working_day_on_or_after(D("2026-10-03"))->str(), "2026-10-08");
  // October: 22 weekdays, 5 of them holidays (10-01 … 10-07 has five), one Saturday worked.
  EXPECT_EQ(cal.working_days(Month{2026, 10}.period()), 22 - 5 + 1);
}

TEST(WorkCalendar, ASixDayFloorWorksSaturdays) {
  WorkCalendar six({true, true, true, true, true, true, false});
  EXPECT_TRUE(six.is_working(D("2026-12-05")));   // Saturday
  EXPECT_FALSE(six.is_working(D("2026-12-06")));  // Sunday
  EXPECT_EQ(six.working_days(week_of(D("2026-12-02"))), 6);
}

}  // namespace waihu::calendar
