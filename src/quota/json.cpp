#include "quota/json.hpp"

namespace waihu::quota {

nlohmann::json results_json(const std::vector<QuotaResult>& results) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : results) {
    out.push_back({{"metric", r.metric},
                   {"target", r.target},
                   {"actual", r.actual},
                   {"short", r.short_by},
                   {"fine_fen", r.fine_fen}});
  }
  return out;
}

}  // namespace waihu::quota
