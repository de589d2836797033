#pragma once
// HTTP routes of the organisation: /api/v1/auth/*, /api/v1/teams, /api/v1/users.
#include "http/router.hpp"
#include "org/service.hpp"

namespace waihu::org {
void register_routes(http::Router& router, OrgService& org, AuthService& auth);
}
