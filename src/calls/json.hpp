#pragma once
// A call in JSON, as the API answers and the audit log keeps it.
#include <nlohmann/json.hpp>

#include "calls/model.hpp"

namespace waihu::calls {
nlohmann::json to_json(const Call& c);
}
