#pragma once
// HTTP routes of deals: /api/v1/deals, /api/v1/deals/{id}, /api/v1/deals/{id}/payments, …/refunds, and the
// sheet import /api/v1/deals/import.
#include "http/router.hpp"
#include "sales/deal_importer.hpp"
#include "sales/service.hpp"

namespace waihu::sales {
/// `data_dir`: where uploads are kept while they are imported.
void register_routes(http::Router& router, const std::string& data_dir, DealService& deals, DealImporter& importer);
}  // namespace waihu::sales
