#pragma once
// HTTP routes of the floor's discipline: clocking, a person's day, the team's day, the ledger, closing a day or a
// month, the points catalogue and entries, objections and dismissal cases, marking a call or follow-up fabricated.
#include "discipline/closing.hpp"
#include "discipline/fabrication_service.hpp"
#include "discipline/month_closing.hpp"
#include "discipline/points_service.hpp"
#include "discipline/service.hpp"
#include "http/router.hpp"

namespace waihu::discipline {

void register_routes(http::Router& router, DisciplineService& discipline, DayCloser& closer, MonthCloser& months,
                     PointsService& points, FabricationService& fabrications);

}  // namespace waihu::discipline
