#include "sales/deal_report.hpp"

namespace waihu::sales {

nlohmann::json to_json(const DealImportReport& r) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : r.errors) {
    errors.push_back({{"line", e.line},
                      {"column", e.column.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.column)},
                      {"reason", e.reason}});
  }
  return {{"read", r.read},
          {"deals_created", r.deals_created},
          {"payments_created", r.payments_created},
          {"duplicates", r.duplicates},
          {"rejected", r.rejected},
          {"errors", errors},
          {"errors_truncated", r.errors_truncated},
          {"committed", r.committed},
          {"encoding", r.encoding}};
}

}  // namespace waihu::sales
