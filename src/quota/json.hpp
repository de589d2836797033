#pragma once
// Quota results as every screen, export and scenario shows them.
#include <nlohmann/json.hpp>
#include <vector>

#include "quota/model.hpp"

namespace waihu::quota {

/// [{"metric", "target", "actual", "short", "fine_fen"}, …]
nlohmann::json results_json(const std::vector<QuotaResult>& results);

}  // namespace waihu::quota
