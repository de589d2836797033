#pragma once
// HTTP routes of the work calendar: GET /api/v1/calendar?year=, PUT and DELETE /api/v1/calendar/days/{date}.
#include "calendar/service.hpp"
#include "http/router.hpp"

namespace waihu::calendar {
void register_routes(http::Router& router, CalendarService& calendar);
}  // namespace waihu::calendar
