#pragma once
// A customer's timeline: calls, follow-ups and ownership changes, newest first, keyset-paged. (Deals and
// payments join it when they exist.)
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calls/follow_up.hpp"
#include "calls/model.hpp"
#include "core/page.hpp"
#include "crm/service.hpp"
#include "db/database.hpp"
#include "org/model.hpp"

namespace waihu::calls {

struct TimelineEntry {
  std::string kind;  ///< "call" | "follow_up" | "ownership"
  long long at = 0;
  long long key = 0;  ///< unique across kinds: id × 4 + kind, for paging
  std::optional<Call> call;
  std::optional<FollowUp> follow_up;
  /// ownership: owner before and after (null = the public pool), and who moved it
  std::optional<long long> owner_before, owner_after, changed_by;
};

class TimelineService {
 public:
  TimelineService(db::Database& db, crm::CustomerService& customers) : db_(db), customers_(customers) {}
  /// NotFound when the customer is outside the actor's scope. Phones in calls masked as the customer's are.
  Page<TimelineEntry> timeline(const org::Actor& actor, long long customer_id, const std::string& cursor, int limit);

 private:
  db::Database& db_;
  crm::CustomerService& customers_;
};

}  // namespace waihu::calls
