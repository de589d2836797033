#pragma once
// HTTP routes of the floor's discipline: clocking, a person's day, the team's day, the ledger, closing a day.
#include "discipline/closing.hpp"
#include "discipline/service.hpp"
#include "http/router.hpp"

namespace waihu::discipline {

void register_routes(http::Router& router, DisciplineService& discipline, DayCloser& closer);

}  // namespace waihu::discipline
