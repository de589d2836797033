#pragma once
// How organisation records look in JSON (API answers and CLI --json).
#include <nlohmann/json.hpp>

#include "org/model.hpp"

namespace waihu::org {
nlohmann::json to_json(const Team& t);
nlohmann::json to_json(const User& u);
}  // namespace waihu::org
