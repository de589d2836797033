#pragma once
// HTTP routes of read models across modules: a customer's timeline /api/v1/customers/{id}/timeline.
#include "http/router.hpp"
#include "reporting/timeline.hpp"

namespace waihu::reporting {
void register_routes(http::Router& router, TimelineService& timeline);
}  // namespace waihu::reporting
