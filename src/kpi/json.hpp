#pragma once
// The figures in JSON: one key per metric of docs/policy.md, integers (money in fen).
#include <nlohmann/json.hpp>

#include "kpi/day_store.hpp"

namespace waihu::kpi {
nlohmann::json figures_json(const store::Figures& f);
}  // namespace waihu::kpi
