#pragma once
// A customer's timeline: calls, follow-ups, deals, payments and ownership changes, newest first, keyset-paged.
// The events are found by one query across the tables (timeline_store); their details come from the services
// that own them.
#include <optional>
#include <string>
#include <vector>

#include "audit/service.hpp"
#include "calls/follow_up_service.hpp"
#include "calls/service.hpp"
#include "core/page.hpp"
#include "crm/service.hpp"
#include "db/database.hpp"
#include "org/model.hpp"
#include "org/service.hpp"
#include "sales/service.hpp"

namespace waihu::reporting {

struct TimelineEntry {
  std::string kind;  ///< "call" | "follow_up" | "deal" | "payment" | "ownership" | "status"
  long long at = 0;
  long long key = 0;  ///< unique across kinds, for paging
  std::optional<calls::Call> call;
  std::optional<calls::FollowUp> follow_up;  ///< a follow-up's own entry, or the one logged with the call
  std::optional<sales::Deal> deal;
  std::optional<sales::Payment> payment;  ///< a payment or a refund
  /// ownership: owner before and after (null = the public pool), and who moved it
  std::optional<long long> owner_before, owner_after, changed_by;
  /// By name: who did it (the call's or follow-up's agent, the deal's closer, who moved the customer), and the
  /// owners before and after ("" for the pool or someone unknown).
  std::string by_name, owner_before_name, owner_after_name;
  /// status (or a call that moved it): the customer's status before and after ("" when unchanged)
  std::string status_before, status_after;
};

class TimelineService {
 public:
  TimelineService(db::Database& db, org::OrgService& org, crm::CustomerService& customers, calls::CallService& calls,
                  calls::FollowUpService& follow_ups, sales::DealService& deals, audit::AuditService& audit)
      : db_(db),
        org_(org),
        customers_(customers),
        calls_(calls),
        follow_ups_(follow_ups),
        deals_(deals),
        audit_(audit) {}
  /// NotFound when the customer is outside the actor's scope. Phones in calls masked as the customer's are.
  Page<TimelineEntry> timeline(const org::Actor& actor, long long customer_id, const std::string& cursor, int limit);

 private:
  /// Puts the follow-up and the status move saved with each call into the call's entry.
  void attach_companions(long long customer_id, std::vector<TimelineEntry>& entries);
  /// Fills the names of the people the entries mention.
  void name_people(std::vector<TimelineEntry>& entries);
  db::Database& db_;
  org::OrgService& org_;
  crm::CustomerService& customers_;
  calls::CallService& calls_;
  calls::FollowUpService& follow_ups_;
  sales::DealService& deals_;
  audit::AuditService& audit_;
};

}  // namespace waihu::reporting
