#include "calendar/work_calendar.hpp"

namespace waihu::calendar {

DayKind WorkCalendar::kind(const LocalDate& d) const {
  if (auto it = exceptions_.find(d); it != exceptions_.end()) return it->second;
  return working_[static_cast<size_t>(d.weekday()) - 1] ? DayKind::kWorking : DayKind::kRest;
}

long long WorkCalendar::working_days(const Period& p) const {
  long long n = 0;
  for (LocalDate d = p.from; d <= p.to; d = d.plus_days(1)) n += is_working(d) ? 1 : 0;
  return n;
}

std::optional<LocalDate> WorkCalendar::first_working_day(const Month& m) const {
  for (LocalDate d = m.first(); d <= m.last(); d = d.plus_days(1)) {
    if (is_working(d)) return d;
  }
  return std::nullopt;
}

std::optional<LocalDate> WorkCalendar::working_day_before(const LocalDate& d) const {
  for (int i = 1; i <= 366; ++i) {
    LocalDate before = d.plus_days(-i);
    if (is_working(before)) return before;
  }
  return std::nullopt;
}

std::optional<LocalDate> WorkCalendar::working_day_on_or_after(const LocalDate& d) const {
  for (int i = 0; i <= 366; ++i) {
    LocalDate day = d.plus_days(i);
    if (is_working(day)) return day;
  }
  return std::nullopt;
}

}  // namespace waihu::calendar
