#pragma once
// Working days as a Chinese company keeps them: a weekly pattern (Monday to Friday, or Monday to Saturday on
// many telesales floors), public holidays (法定节假日) that fall on working days, and 调休 — weekend days made
// working days to bridge a holiday. Quotas count working days; deadlines fall on them ("the first working day
// of the month", "the working day before").
#include <array>
#include <map>
#include <optional>

#include "calendar/calendar.hpp"

namespace waihu::calendar {

enum class DayKind {
  kWorking,  ///< a working day of the week pattern
  kRest,     ///< a rest day of the week pattern
  kHoliday,  ///< a public holiday (rest, whatever the pattern says)
  kMakeup,   ///< 调休: a rest day of the pattern worked to bridge a holiday
};

class WorkCalendar {
 public:
  /// Monday to Friday, no holidays.
  WorkCalendar() = default;
  /// `working[i]` for ISO weekday i + 1 (Monday first).
  explicit WorkCalendar(std::array<bool, 7> working) : working_(working) {}

  /// Marks a date a holiday or a make-up working day (kHoliday / kMakeup); later marks replace earlier ones.
  void mark(const LocalDate& d, DayKind kind) { exceptions_[d] = kind; }
  DayKind kind(const LocalDate& d) const;
  bool is_working(const LocalDate& d) const {
    auto k = kind(d);
    return k == DayKind::kWorking || k == DayKind::kMakeup;
  }
  /// Working days in the period.
  long long working_days(const Period& p) const;
  /// The first working day of the month (nullopt: a month with none).
  std::optional<LocalDate> first_working_day(const Month& m) const;
  /// The last working day strictly before `d` (searching back at most a year).
  std::optional<LocalDate> working_day_before(const LocalDate& d) const;
  /// `d` itself when it is a working day, else the next one (searching at most a year ahead).
  std::optional<LocalDate> working_day_on_or_after(const LocalDate& d) const;

 private:
  std::array<bool, 7> working_{true, true, true, true, true, false, false};
  std::map<LocalDate, DayKind> exceptions_;
};

}  // namespace waihu::calendar
