#pragma once
// HTTP routes of requests: leave, overtime and resignation asked for, approved or rejected, a certificate attached.
#include "discipline/request_service.hpp"
#include "http/router.hpp"

namespace waihu::discipline {

void register_request_routes(http::Router& router, RequestService& requests);

}  // namespace waihu::discipline
