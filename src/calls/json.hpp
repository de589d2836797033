#pragma once
// A call in JSON, as the API answers and the audit log keeps it; a CDR import report.
#include <nlohmann/json.hpp>

#include "calls/activity.hpp"
#include "calls/cdr_report.hpp"
#include "calls/follow_up.hpp"
#include "calls/model.hpp"

namespace waihu::calls {
nlohmann::json to_json(const Call& c);
/// A follow-up; `with_missing` adds what keeps it from counting as complete.
nlohmann::json to_json(const FollowUp& f, bool with_missing);
/// {"dials", "connects", "connect_rate_bp", "effective", "talk_seconds", "first_call_at", "last_call_at"}
nlohmann::json to_json(const CallFigures& f);
/// {"read", "imported", "duplicates", "no_customer", "rejected", "errors": [{"line", "reason"}], …}
nlohmann::json to_json(const CdrImportReport& r);
}  // namespace waihu::calls
