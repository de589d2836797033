#pragma once
// Deals and payments in JSON, as the API answers them. Money in fen (integer) with the yuan text beside it.
#include <nlohmann/json.hpp>

#include "sales/model.hpp"
#include "sales/service.hpp"

namespace waihu::sales {
nlohmann::json to_json(const Deal& d);
/// {"id", "deal_id", "kind", "amount_fen", "amount", "on", "reason"}
nlohmann::json to_json(const Payment& p);
/// The deal with its payments and totals.
nlohmann::json to_json(const DealView& v);
}  // namespace waihu::sales
