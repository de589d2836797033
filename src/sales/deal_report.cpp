#include "sales/deal_report.hpp"

namespace waihu::sales {

nlohmann::json to_json(const DealImportReport& r) {
  nlohmann::json j{{"read", r.read},
                   {"deals_created", r.deals_created},
                   {"payments_created", r.payments_created},
                   {"duplicates", r.duplicates},
                   {"committed", r.committed},
                   {"encoding", r.encoding}};
  util::add_rejected_json(j, r.rejected, true);
  return j;
}

}  // namespace waihu::sales
