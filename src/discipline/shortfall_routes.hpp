#pragma once
// /api/v1/discipline/stay-late, /sunday-overtime (the lists) and /shortfall-marks (a supervisor marks one done).
#include "discipline/shortfall_service.hpp"
#include "http/router.hpp"

namespace waihu::discipline {
void register_shortfall_routes(http::Router& router, ShortfallService& shortfalls);
}  // namespace waihu::discipline
