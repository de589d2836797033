#pragma once
// Routes that belong to no domain: the placeholder home page, /healthz and the OpenAPI document.
#include <functional>

#include "http/router.hpp"

namespace waihu::http {
/// `health` returns the schema version, throwing when the store does not answer.
void register_system_routes(Router& router, std::function<int()> health);
}  // namespace waihu::http
