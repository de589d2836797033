#pragma once
// HTTP routes of calls: POST/GET /api/v1/calls, GET /api/v1/calls/{id}.
#include "calls/service.hpp"
#include "http/router.hpp"

namespace waihu::calls {
void register_routes(http::Router& router, CallService& calls);
}
