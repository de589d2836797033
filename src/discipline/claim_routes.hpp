#pragma once
// /api/v1/duplicate-claims (撞单 cases: list, one case with its steps and penalties, give up, escalate, decide).
#include "discipline/claim_service.hpp"
#include "http/router.hpp"

namespace waihu::discipline {
void register_claim_routes(http::Router& router, ClaimService& claims);
}  // namespace waihu::discipline
