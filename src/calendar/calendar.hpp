#pragma once
// Days, weeks, months and periods as the regulations count them, and their bounds in a time zone. Every "today",
// "this week" and "this month" in Waihu comes from here (issue 14): a day is a date in the policy's zone, never
// the server's or the browser's.
//
//   auto zone = *util::TimeZone::named("Asia/Shanghai");
//   calendar::Bounds b = calendar::bounds(calendar::Month{2026, 10}.period(), zone);  // [Oct 1 00:00, Nov 1 00:00)
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "util/clock.hpp"
#include "util/time_zone.hpp"

namespace waihu::calendar {

/// ISO weekdays: Monday 1 … Sunday 7.
enum class Weekday { kMonday = 1, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

/// A calendar date, no zone.
struct LocalDate {
  int year = 1970, month = 1, day = 1;
  /// "YYYY-MM-DD" of a real date; nullopt otherwise.
  static std::optional<LocalDate> parse(std::string_view ymd);
  /// The date `days` after 1970-01-01 (negative: before).
  static LocalDate from_days(long long days);
  long long days() const;  ///< since 1970-01-01
  LocalDate plus_days(long long n) const { return from_days(days() + n); }
  Weekday weekday() const;
  std::string str() const;  ///< "YYYY-MM-DD"
  auto operator<=>(const LocalDate&) const = default;
};

/// Days from..to, both included.
struct Period {
  LocalDate from, to;
  long long days() const { return to.days() - from.days() + 1; }
  bool contains(const LocalDate& d) const { return from <= d && d <= to; }
};

struct Month {
  int year = 1970, month = 1;
  /// "YYYY-MM"; nullopt otherwise.
  static std::optional<Month> parse(std::string_view ym);
  static Month of(const LocalDate& d) { return {d.year, d.month}; }
  LocalDate first() const { return {year, month, 1}; }
  LocalDate last() const;
  Period period() const { return {first(), last()}; }
  Month next() const { return month == 12 ? Month{year + 1, 1} : Month{year, month + 1}; }
  Month previous() const { return month == 1 ? Month{year - 1, 12} : Month{year, month - 1}; }
  std::string str() const;  ///< "YYYY-MM"
  auto operator<=>(const Month&) const = default;
};

/// The week holding `d`, starting on `start` (ISO weeks start on Monday; a policy may start them on Sunday).
Period week_of(const LocalDate& d, Weekday start = Weekday::kMonday);
/// ISO 8601 week number and its year ("2026-W01" may begin in December 2025).
struct IsoWeek {
  int year = 0, week = 0;
};
IsoWeek iso_week(const LocalDate& d);

/// [from, to) in Unix seconds.
struct Bounds {
  util::UnixSeconds from = 0, to = 0;
};
/// From the first day's midnight to the midnight after the last day, in `zone` (a DST day is 23 or 25 hours).
Bounds bounds(const Period& p, const util::TimeZone& zone);
inline Bounds bounds(const LocalDate& d, const util::TimeZone& zone) { return bounds(Period{d, d}, zone); }
/// The date in `zone` at the instant `t`.
LocalDate date_at(util::UnixSeconds t, const util::TimeZone& zone);

}  // namespace waihu::calendar
