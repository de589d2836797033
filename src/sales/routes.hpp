#pragma once
// HTTP routes of deals: /api/v1/deals, /api/v1/deals/{id}, /api/v1/deals/{id}/payments, …/refunds.
#include "http/router.hpp"
#include "sales/service.hpp"

namespace waihu::sales {
void register_routes(http::Router& router, DealService& deals);
}
