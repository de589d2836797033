#pragma once
// Routes that belong to no domain: the placeholder home page, /healthz and the OpenAPI document.
#include <functional>

#include "http/router.hpp"
#include "http/web_app.hpp"

namespace waihu::http {
/// `health` returns the schema version, throwing when the store does not answer.
/// `/healthz`, `/api/openapi.json`, and the web app (`web`) for every other GET that is not the API; without a
/// web build, `/` answers a page that says how to reach the API.
void register_system_routes(Router& router, std::function<int()> health, const WebApp& web);
}  // namespace waihu::http
