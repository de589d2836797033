#pragma once
// A customer in JSON, as the API answers and the audit log keeps it.
#include <nlohmann/json.hpp>

#include "crm/import_report.hpp"
#include "crm/model.hpp"

namespace waihu::crm {
/// `phones` holds what the Customer holds (E.164 or already masked by the service).
nlohmann::json to_json(const Customer& c);
nlohmann::json to_json(const DuplicateClaim& d);
/// {"read","created","updated","duplicates","rejected","errors":[{"line","column","reason"}], …}
nlohmann::json to_json(const ImportReport& r);
}  // namespace waihu::crm
