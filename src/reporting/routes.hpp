#pragma once
// HTTP routes of read models across modules: a customer's timeline /api/v1/customers/{id}/timeline, the agent's
// desk /api/v1/desk, the department's overview /api/v1/overview.
#include "http/router.hpp"
#include "reporting/desk.hpp"
#include "reporting/overview.hpp"
#include "reporting/timeline.hpp"

namespace waihu::reporting {
void register_routes(http::Router& router, const std::string& data_dir, TimelineService& timeline, DeskService& desk,
                     OverviewService& overview, DailySheetService& sheets);
}  // namespace waihu::reporting
