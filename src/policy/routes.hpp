#pragma once
// /api/v1/policies: the rule book for everyone, drafts and their workflow for managers, admins and the director.
#include "http/router.hpp"
#include "policy/service.hpp"

namespace waihu::policy {

void register_routes(http::Router& router, PolicyService& policies);

}  // namespace waihu::policy
