#pragma once
// The SQL of a customer's timeline: one keyset-paged list of the events recorded about a customer across the
// modules' tables (calls, follow-ups, deals, payments, ownership changes in the audit log). A read model: it
// reads those tables and writes none; the events' details come from their modules' services.
#include <soci/soci.h>

#include <optional>
#include <vector>

#include "db/keyset.hpp"

namespace waihu::reporting::store {

enum class EventKind { kCall = 0, kFollowUp = 1, kOwnership = 2, kDeal = 3, kPayment = 4 };

struct Event {
  EventKind kind = EventKind::kCall;
  long long id = 0;   ///< the row's id in its own table
  long long at = 0;   ///< Unix seconds
  long long key = 0;  ///< unique across kinds (id × 8 + kind), the keyset tie-breaker
};

/// Newest first; `limit + 1` rows to tell whether there is a next page.
std::vector<Event> customer_events(soci::session& sql, long long customer_id, const std::optional<db::Cursor>& after,
                                   int limit);

}  // namespace waihu::reporting::store
