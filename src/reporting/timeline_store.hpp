#pragma once
// The SQL of a customer's timeline: one keyset-paged list of the events recorded about a customer across the
// modules' tables (calls, follow-ups, deals, payments, ownership and status changes in the audit log). A read model: it
// reads those tables and writes none; the events' details come from their modules' services.
#include <soci/soci.h>

#include <optional>
#include <vector>

#include "db/keyset.hpp"

namespace waihu::reporting::store {

enum class EventKind { kCall = 0, kFollowUp = 1, kOwnership = 2, kDeal = 3, kPayment = 4, kStatus = 5 };

struct Event {
  EventKind kind = EventKind::kCall;
  long long id = 0;   ///< the row's id in its own table
  long long at = 0;   ///< Unix seconds
  long long key = 0;  ///< unique across kinds (id × 8 + kind), the keyset tie-breaker
};

/// A follow-up or status move recorded with a call: at the call's end, by its agent.
struct Companion {
  EventKind kind = EventKind::kFollowUp;  ///< kFollowUp or kStatus
  long long id = 0;
  long long at = 0;
  std::optional<long long> by;
};

/// Newest first; `limit + 1` rows to tell whether there is a next page. Follow-ups and status moves saved with a
/// call are not events of their own: call_companions finds them for the calls of a page.
std::vector<Event> customer_events(soci::session& sql, long long customer_id, const std::optional<db::Cursor>& after,
                                   int limit);
/// The follow-ups and status moves of the customer stamped at one of these call ends (the caller matches agents).
std::vector<Companion> call_companions(soci::session& sql, long long customer_id,
                                       const std::vector<long long>& ended_ats);

}  // namespace waihu::reporting::store
