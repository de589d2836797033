#include "util/time_zone.hpp"

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <chrono>

#include "util/strings.hpp"

namespace waihu::util {

namespace {
bool read_number(std::string_view s, size_t& pos, size_t min_digits, size_t max_digits, int& out) {
  size_t start = pos;
  long long v = 0;
  while (pos < s.size() && pos - start < max_digits && s[pos] >= '0' && s[pos] <= '9') v = v * 10 + (s[pos++] - '0');
  if (pos - start < min_digits) return false;
  out = static_cast<int>(v);
  return true;
}
bool expect(std::string_view s, size_t& pos, std::string_view any_of) {
  if (pos >= s.size() || any_of.find(s[pos]) == std::string_view::npos) return false;
  ++pos;
  return true;
}
}  // namespace

std::optional<CivilTime> parse_civil_time(std::string_view text) {
  std::string_view s = trim(text);
  CivilTime t;
  size_t p = 0;
  if (!read_number(s, p, 4, 4, t.year) || !expect(s, p, "-/") || !read_number(s, p, 1, 2, t.month) ||
      !expect(s, p, "-/") || !read_number(s, p, 1, 2, t.day) || !expect(s, p, " T") ||
      !read_number(s, p, 1, 2, t.hour) || !expect(s, p, ":") || !read_number(s, p, 2, 2, t.minute)) {
    return std::nullopt;
  }
  if (p < s.size() && (!expect(s, p, ":") || !read_number(s, p, 2, 2, t.second))) return std::nullopt;
  if (p != s.size()) return std::nullopt;
  using namespace std::chrono;
  year_month_day ymd{year{t.year}, month{static_cast<unsigned>(t.month)}, day{static_cast<unsigned>(t.day)}};
  if (!ymd.ok() || t.year < 1970 || t.year > 2200 || t.hour > 23 || t.minute > 59 || t.second > 59) {
    return std::nullopt;
  }
  return t;
}

UnixSeconds civil_as_utc(const CivilTime& t) {
  using namespace std::chrono;
  sys_days d{year{t.year} / month{static_cast<unsigned>(t.month)} / static_cast<unsigned>(t.day)};
  return d.time_since_epoch().count() * 86400LL + t.hour * 3600LL + t.minute * 60LL + t.second;
}

struct TimeZone::Impl {
  std::unique_ptr<icu::TimeZone> zone;
  icu::BasicTimeZone* basic = nullptr;  // zone, when it can answer "offset for a local time" directly
  // Offsets change at most a few times a year: the last local hour's answer serves the next rows.
  mutable long long cached_hour = -1;
  mutable long long cached_offset = 0;
};

TimeZone::TimeZone(std::unique_ptr<Impl> impl, std::string id) : impl_(std::move(impl)), id_(std::move(id)) {}
TimeZone::TimeZone(TimeZone&&) noexcept = default;
TimeZone& TimeZone::operator=(TimeZone&&) noexcept = default;
TimeZone::~TimeZone() = default;

std::optional<TimeZone> TimeZone::named(std::string_view iana_id) {
  auto id = icu::UnicodeString::fromUTF8(icu::StringPiece(iana_id.data(), static_cast<int32_t>(iana_id.size())));
  auto impl = std::make_unique<Impl>();
  impl->zone.reset(icu::TimeZone::createTimeZone(id));
  if (!impl->zone) return std::nullopt;
  icu::UnicodeString got;
  impl->zone->getID(got);
  if (got == icu::UnicodeString("Etc/Unknown")) return std::nullopt;
  impl->basic = dynamic_cast<icu::BasicTimeZone*>(impl->zone.get());
  return TimeZone(std::move(impl), std::string(iana_id));
}

UnixSeconds TimeZone::to_unix(const CivilTime& t) const {
  UnixSeconds local = civil_as_utc(t);
  long long hour = local / 3600;
  if (hour != impl_->cached_hour) {
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    UDate local_ms = static_cast<UDate>(local) * 1000.0;
    if (impl_->basic) {
      impl_->basic->getOffsetFromLocal(local_ms, UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw, dst, status);
    } else {
      impl_->zone->getOffset(local_ms, true, raw, dst, status);
    }
    impl_->cached_hour = hour;
    impl_->cached_offset = U_SUCCESS(status) ? (raw + dst) / 1000 : 0;
  }
  return local - impl_->cached_offset;
}

CivilTime TimeZone::to_civil(UnixSeconds t) const {
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  impl_->zone->getOffset(static_cast<UDate>(t) * 1000.0, false, raw, dst, status);
  const UnixSeconds local = t + (U_SUCCESS(status) ? (raw + dst) / 1000 : 0);
  using namespace std::chrono;
  const long long days = local / 86400 - (local % 86400 < 0 ? 1 : 0);
  const long long secs = local - days * 86400;
  const year_month_day ymd{sys_days{std::chrono::days{days}}};
  return CivilTime{static_cast<int>(ymd.year()),
                   static_cast<int>(static_cast<unsigned>(ymd.month())),
                   static_cast<int>(static_cast<unsigned>(ymd.day())),
                   static_cast<int>(secs / 3600),
                   static_cast<int>(secs % 3600 / 60),
                   static_cast<int>(secs % 60)};
}

}  // namespace waihu::util
