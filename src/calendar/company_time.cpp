#include "calendar/company_time.hpp"

#include <stdexcept>

namespace waihu::calendar {

CompanyTime::CompanyTime(const util::Clock& clock, std::string_view zone_id) : clock_(clock) {
  if (!set_zone(zone_id)) throw std::invalid_argument("unknown time zone: " + std::string(zone_id));
}

LocalDate CompanyTime::date_at(util::UnixSeconds t) const {
  std::lock_guard lock(mutex_);
  return calendar::date_at(t, *zone_);
}

Bounds CompanyTime::bounds(const Period& p) const {
  std::lock_guard lock(mutex_);
  return calendar::bounds(p, *zone_);
}

util::UnixSeconds CompanyTime::wall_seconds(util::UnixSeconds t) const {
  std::lock_guard lock(mutex_);
  return util::civil_as_utc(zone_->to_civil(t));
}

std::string CompanyTime::zone_id() const {
  std::lock_guard lock(mutex_);
  return zone_->id();
}

bool CompanyTime::set_zone(std::string_view zone_id) {
  auto zone = util::TimeZone::named(zone_id);
  if (!zone) return false;
  std::lock_guard lock(mutex_);
  zone_ = std::make_unique<util::TimeZone>(std::move(*zone));
  return true;
}

}  // namespace waihu::calendar
