#pragma once
// Time is injected: services take a Clock so tests can fix "now". Timestamps are Unix seconds, UTC.
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace waihu::util {

using UnixSeconds = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixSeconds now() const = 0;
};

class SystemClock final : public Clock {
 public:
  UnixSeconds now() const override;
};

/// The system's time — or, in a server started with the test-only `--test-clock` switch, a time set from outside
/// (deadlines, month ends) that then runs on with the system's. Thread-safe.
class AdjustableClock final : public Clock {
 public:
  UnixSeconds now() const override { return SystemClock().now() + offset_.load(); }
  /// From now on, now() is `t` plus the time passed since.
  void set(UnixSeconds t) { offset_.store(t - SystemClock().now()); }

 private:
  std::atomic<UnixSeconds> offset_{0};
};

/// A clock that stands still until told to move; for tests.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(UnixSeconds t) : t_(t) {}
  UnixSeconds now() const override { return t_; }
  void advance(UnixSeconds s) { t_ += s; }

 private:
  UnixSeconds t_;
};

/// "2026-11-24T05:31:38Z".
std::string format_iso_utc(UnixSeconds t);
/// Parses ISO 8601 date-times: "2026-11-24T08:30:00Z", "2026-11-24T16:30:00+08:00", fractions of a second
/// dropped. A time without a zone is refused: the caller must say which instant it means.
std::optional<UnixSeconds> parse_iso8601(std::string_view s);
/// Accepts "YYYY-MM-DD" with a real calendar date.
bool is_valid_date(std::string_view ymd);
/// A date as sheets write it — "2026-11-24", "2026/11/4", "2026.11.4", "2026年11月4日" — as "YYYY-MM-DD";
/// nullopt when it is not a real calendar date.
std::optional<std::string> parse_sheet_date(std::string_view text);

}  // namespace waihu::util
