#pragma once
// SQL for the work calendar's marked days. Runs on the caller's session/transaction.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "calendar/work_calendar.hpp"

namespace waihu::calendar::store {

struct MarkedDay {
  LocalDate day;
  DayKind kind = DayKind::kHoliday;  ///< kHoliday or kMakeup
  std::string name;                  ///< 国庆节, 春节调休 …
};

std::vector<MarkedDay> marked_days(soci::session& sql, const Period& p);
std::optional<MarkedDay> marked_day(soci::session& sql, const LocalDate& d);
void put_day(soci::session& sql, const MarkedDay& d, std::optional<long long> by, long long now);
void delete_day(soci::session& sql, const LocalDate& d);

}  // namespace waihu::calendar::store
