#include "util/time_zone.hpp"

#include <gtest/gtest.h>

namespace waihu::util {

TEST(CivilTime, ParsesTheFormsPhoneSystemsAndExcelWrite) {
  auto t = parse_civil_time("2026-11-24 10:30:05");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->hour, 10);
  EXPECT_EQ(t->second, 5);
  ASSERT_TRUE(parse_civil_time("2026-11-24T10:30:05"));
  auto excel = parse_civil_time("2026/11/4 9:05");
  ASSERT_TRUE(excel);
  EXPECT_EQ(excel->day, 4);
  EXPECT_EQ(excel->hour, 9);
  EXPECT_EQ(excel->second, 0);
}

TEST(CivilTime, RefusesWhatIsNotACalendarTime) {
  for (const char* bad : {"", "2026-02-30 10:00:00", "2026-11-24", "2026-11-24 24:00:00", "2026-11-24 10:61:00",
                          "2026-11-24 10:30:00Z", "24/11/2026 10:30", "abc"}) {
    EXPECT_FALSE(parse_civil_time(bad)) << bad;
  }
}

TEST(TimeZone, ShanghaiIsEightHoursAheadAllYear) {
  auto tz = TimeZone::named("Asia/Shanghai");
  ASSERT_TRUE(tz);
  // 2026-11-24 10:30:00 in Beijing is 02:30:00Z.
  EXPECT_EQ(format_iso_utc(tz->to_unix(*parse_civil_time("2026-11-24 10:30:00"))), "2026-11-24T02:30:00Z");
  EXPECT_EQ(format_iso_utc(tz->to_unix(*parse_civil_time("2026-07-01 00:00:00"))), "2026-06-30T16:00:00Z");
}

TEST(TimeZone, FollowsDaylightSavingAcrossRowsInOneZone) {
  auto tz = TimeZone::named("Europe/Berlin");
  ASSERT_TRUE(tz);
  // Winter UTC+1, summer UTC+2; the cached offset must not leak from one to the other.
  EXPECT_EQ(format_iso_utc(tz->to_unix(*parse_civil_time("2026-03-29 01:30:00"))), "2026-03-29T00:30:00Z");
  EXPECT_EQ(format_iso_utc(tz->to_unix(*parse_civil_time("2026-03-29 03:30:00"))), "2026-03-29T01:30:00Z");
  EXPECT_EQ(format_iso_utc(tz->to_unix(*parse_civil_time("2026-01-10 12:00:00"))), "2026-01-10T11:00:00Z");
}

TEST(TimeZone, UnknownIdsAreRefused) {
  EXPECT_FALSE(TimeZone::named("Asia/Beijing"));
  EXPECT_FALSE(TimeZone::named(""));
  EXPECT_TRUE(TimeZone::named("UTC"));
}

}  // namespace waihu::util

namespace waihu::util {
TEST(SheetDate, TheFormsOfficesWrite) {
  EXPECT_EQ(parse_sheet_date("2026-11-24"), "2026-11-24");
  EXPECT_EQ(parse_sheet_date("2026/11/4"), "2026-11-04");
  EXPECT_EQ(parse_sheet_date("2026.1.4"), "2026-01-04");
  EXPECT_EQ(parse_sheet_date("2026年11月4日"), "2026-11-04");
  for (const char* bad : {"", "2026-02-30", "26-11-24", "2026-11", "2026-11-24 10:00", "2026/11/4x", "24/11/2026"}) {
    EXPECT_FALSE(parse_sheet_date(bad)) << bad;
  }
}
}  // namespace waihu::util
