#pragma once
// Wall-clock times of a named time zone (IANA id, e.g. "Asia/Shanghai") to Unix seconds, through ICU's zone
// data. Phone systems write their records in the server's local time; imports convert them here.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "util/clock.hpp"

namespace waihu::util {

/// A date and time as written, with no zone.
struct CivilTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

/// "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DDTHH:MM:SS", also "YYYY/MM/DD H:MM[:SS]" as Excel writes it; nullopt when
/// not a real calendar time.
std::optional<CivilTime> parse_civil_time(std::string_view s);

/// Seconds since 1970 of `t` read as UTC.
UnixSeconds civil_as_utc(const CivilTime& t);

class TimeZone {
 public:
  /// nullopt when ICU does not know the id.
  static std::optional<TimeZone> named(std::string_view iana_id);
  TimeZone(TimeZone&&) noexcept;
  TimeZone& operator=(TimeZone&&) noexcept;
  ~TimeZone();

  /// The instant `t` names in this zone. A time skipped by a daylight-saving jump is read with the offset before
  /// the jump; a time that occurs twice, as the first. Not thread-safe (it caches the last offset).
  UnixSeconds to_unix(const CivilTime& t) const;
  /// The wall-clock time in this zone at the instant `t`. Thread-safe.
  CivilTime to_civil(UnixSeconds t) const;
  const std::string& id() const { return id_; }

 private:
  struct Impl;
  explicit TimeZone(std::unique_ptr<Impl> impl, std::string id);
  std::unique_ptr<Impl> impl_;
  std::string id_;
};

}  // namespace waihu::util
