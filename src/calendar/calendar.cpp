#include "calendar/calendar.hpp"

#include <chrono>
#include <cstdio>

namespace waihu::calendar {

namespace {
using std::chrono::sys_days;
using std::chrono::year_month_day;

year_month_day ymd_of(const LocalDate& d) {
  return year_month_day{std::chrono::year{d.year}, std::chrono::month{static_cast<unsigned>(d.month)},
                        std::chrono::day{static_cast<unsigned>(d.day)}};
}

bool digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}
}  // namespace

std::optional<LocalDate> LocalDate::parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s.substr(0, 4)) || !digits(s.substr(5, 2)) ||
      !digits(s.substr(8, 2))) {
    return std::nullopt;
  }
  LocalDate d{std::stoi(std::string(s.substr(0, 4))), std::stoi(std::string(s.substr(5, 2))),
              std::stoi(std::string(s.substr(8, 2)))};
  if (!ymd_of(d).ok()) return std::nullopt;
  return d;
}

LocalDate LocalDate::from_days(long long n) {
  const year_month_day ymd{sys_days{std::chrono::days{n}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

long long LocalDate::days() const { return sys_days{ymd_of(*this)}.time_since_epoch().count(); }

Weekday LocalDate::weekday() const {
  return static_cast<Weekday>(std::chrono::weekday{sys_days{ymd_of(*this)}}.iso_encoding());
}

std::string LocalDate::str() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<Month> Month::parse(std::string_view s) {
  if (s.size() != 7 || s[4] != '-' || !digits(s.substr(0, 4)) || !digits(s.substr(5, 2))) return std::nullopt;
  Month m{std::stoi(std::string(s.substr(0, 4))), std::stoi(std::string(s.substr(5, 2)))};
  if (m.month < 1 || m.month > 12) return std::nullopt;
  return m;
}

LocalDate Month::last() const { return next().first().plus_days(-1); }

std::string Month::str() const { return first().str().substr(0, 7); }

Period week_of(const LocalDate& d, Weekday start) {
  const int back = (static_cast<int>(d.weekday()) - static_cast<int>(start) + 7) % 7;
  const LocalDate first = d.plus_days(-back);
  return {first, first.plus_days(6)};
}

IsoWeek iso_week(const LocalDate& d) {
  // The ISO week belongs to the year of its Thursday.
  const LocalDate thursday = d.plus_days(4 - static_cast<int>(d.weekday()));
  const long long first_day = LocalDate{thursday.year, 1, 1}.days();
  return {thursday.year, static_cast<int>((thursday.days() - first_day) / 7 + 1)};
}

Bounds bounds(const Period& p, const util::TimeZone& zone) {
  auto midnight = [&](const LocalDate& d) { return zone.to_unix(util::CivilTime{d.year, d.month, d.day, 0, 0, 0}); };
  return {midnight(p.from), midnight(p.to.plus_days(1))};
}

LocalDate date_at(util::UnixSeconds t, const util::TimeZone& zone) {
  const util::CivilTime c = zone.to_civil(t);
  return {c.year, c.month, c.day};
}

}  // namespace waihu::calendar
