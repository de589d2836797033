#include "kpi/json.hpp"

namespace waihu::kpi {

nlohmann::json figures_json(const store::Figures& f) {
  nlohmann::json j = nlohmann::json::object();
  for (size_t i = 0; i < kMetricNames.size(); ++i) j[std::string(kMetricNames[i])] = f[i];
  return j;
}

}  // namespace waihu::kpi
