#pragma once
// The company's "now" and "today": the composition root's clock read in the company's time zone — the zone of the
// policy in force, Asia/Shanghai until a policy names its own. Every day boundary in Waihu (today's calls, a date
// defaulted to today, a spreadsheet's local times, a file's date) goes through here, never the server's zone or
// fixed offsets. Thread-safe: the zone can change while the server runs (a policy is published).
//
//   calendar::CompanyTime time(clock);
//   calendar::Bounds today = time.bounds(time.today());  // [midnight, next midnight) in Unix seconds
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "calendar/calendar.hpp"
#include "util/clock.hpp"
#include "util/time_zone.hpp"

namespace waihu::calendar {

inline constexpr std::string_view kDefaultTimeZone = "Asia/Shanghai";

class CompanyTime {
 public:
  /// Throws std::invalid_argument for a zone ICU does not know.
  explicit CompanyTime(const util::Clock& clock, std::string_view zone_id = kDefaultTimeZone);

  util::UnixSeconds now() const { return clock_.now(); }
  const util::Clock& clock() const { return clock_; }
  LocalDate today() const { return date_at(now()); }
  /// The company's date at the instant `t`.
  LocalDate date_at(util::UnixSeconds t) const;
  /// [first midnight, the midnight after the last day) in the company's zone.
  Bounds bounds(const Period& p) const;
  Bounds bounds(const LocalDate& d) const { return bounds(Period{d, d}); }
  /// The company's midnight that began the day holding `t`.
  util::UnixSeconds day_start(util::UnixSeconds t) const { return bounds(date_at(t)).from; }
  /// The wall-clock time at `t` counted as if it were UTC — what a spreadsheet cell shows as "local time".
  util::UnixSeconds wall_seconds(util::UnixSeconds t) const;
  /// Seconds east of UTC at `t` (28800 in China).
  long long utc_offset(util::UnixSeconds t) const { return wall_seconds(t) - t; }

  std::string zone_id() const;
  /// Days from now on are counted in `zone_id`; false (and nothing changes) when ICU does not know it.
  bool set_zone(std::string_view zone_id);

 private:
  const util::Clock& clock_;
  mutable std::mutex mutex_;  // TimeZone::to_unix caches; the zone may be replaced
  std::unique_ptr<util::TimeZone> zone_;
};

}  // namespace waihu::calendar
