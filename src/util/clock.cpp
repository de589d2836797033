#include "util/clock.hpp"

#include <chrono>
#include <cstdio>

#include "util/strings.hpp"

namespace waihu::util {

UnixSeconds SystemClock::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string format_iso_utc(UnixSeconds t) {
  using namespace std::chrono;
  sys_seconds tp{seconds{t}};
  auto day = floor<days>(tp);
  year_month_day ymd{day};
  hh_mm_ss hms{tp - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02lldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long long>(hms.seconds().count()));
  return buf;
}

bool is_valid_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  long long y, m, d;
  if (!parse_int64(s.substr(0, 4), y) || !parse_int64(s.substr(5, 2), m) || !parse_int64(s.substr(8, 2), d)) {
    return false;
  }
  using namespace std::chrono;
  year_month_day ymd{year{static_cast<int>(y)}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  return y >= 1900 && y <= 2200 && ymd.ok();
}

std::string china_date(UnixSeconds t) { return format_iso_utc(t + 8 * 3600).substr(0, 10); }

}  // namespace waihu::util
