#pragma once
// /api/v1/discipline/warnings (末位淘汰: the month-end list, and a manager's decision on each person).
#include "discipline/elimination_service.hpp"
#include "http/router.hpp"

namespace waihu::discipline {
void register_elimination_routes(http::Router& router, EliminationService& eliminations);
}  // namespace waihu::discipline
