#pragma once
// /api/v1/discipline/weekly-review (the supervisor's Friday review and its comments).
#include "discipline/review_service.hpp"
#include "http/router.hpp"

namespace waihu::discipline {
void register_review_routes(http::Router& router, ReviewService& reviews);
}  // namespace waihu::discipline
