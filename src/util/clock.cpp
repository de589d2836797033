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

std::optional<std::string> parse_sheet_date(std::string_view text) {
  std::string_view t = trim(text);
  long long part[3] = {0, 0, 0};
  size_t i = 0;
  for (int k = 0; k < 3; ++k) {
    size_t start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9' && i - start < 4) part[k] = part[k] * 10 + (t[i++] - '0');
    if (i == start || (k == 0 && i - start != 4) || (k > 0 && i - start > 2)) return std::nullopt;
    // The separator: - / . or the Chinese 年 月 (日 after the day).
    std::string_view rest = t.substr(i);
    for (std::string_view sep : {"-", "/", ".", "年", "月", "日"}) {
      if (rest.starts_with(sep)) {
        i += sep.size();
        break;
      }
    }
  }
  if (i != t.size()) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", part[0], part[1], part[2]);
  if (!is_valid_date(buf)) return std::nullopt;
  return std::string(buf);
}

std::optional<UnixSeconds> parse_iso8601(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)
  if (s.size() < 20 || !is_valid_date(s.substr(0, 10)) || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' ||
      s[16] != ':') {
    return std::nullopt;
  }
  long long hh, mm, ss;
  if (!parse_int64(s.substr(11, 2), hh) || !parse_int64(s.substr(14, 2), mm) || !parse_int64(s.substr(17, 2), ss) ||
      hh > 23 || mm > 59 || ss > 60) {
    return std::nullopt;
  }
  std::string_view rest = s.substr(19);
  if (!rest.empty() && rest[0] == '.') {
    size_t i = 1;
    while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') ++i;
    if (i == 1) return std::nullopt;
    rest.remove_prefix(i);
  }
  long long offset = 0;
  if (rest == "Z" || rest == "z") {
    offset = 0;
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    long long oh, om;
    if (!parse_int64(rest.substr(1, 2), oh) || !parse_int64(rest.substr(4, 2), om) || oh > 14 || om > 59) {
      return std::nullopt;
    }
    offset = (rest[0] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
  } else {
    return std::nullopt;
  }
  using namespace std::chrono;
  long long y, mo, d;
  parse_int64(s.substr(0, 4), y);
  parse_int64(s.substr(5, 2), mo);
  parse_int64(s.substr(8, 2), d);
  sys_days day{year{static_cast<int>(y)} / month{static_cast<unsigned>(mo)} / static_cast<unsigned>(d)};
  return day.time_since_epoch().count() * 86400LL + hh * 3600 + mm * 60 + ss - offset;
}

}  // namespace waihu::util
