#pragma once
// SQL for follow-ups. Runs on the caller's session/transaction.
#include <soci/soci.h>

#include <optional>
#include <vector>

#include "calls/follow_up.hpp"
#include "calls/store.hpp"
#include "db/database.hpp"
#include "db/keyset.hpp"

namespace waihu::calls::store {

/// Sets f.id. `missing` is derived when read back, not stored.
void insert_follow_up(soci::session& sql, db::Dialect dialect, FollowUp& f);
std::optional<FollowUp> follow_up_by_id(soci::session& sql, long long id);
/// Marks a follow-up fabricated (虚报); false when it was marked already.
bool mark_follow_up_fabricated(soci::session& sql, long long id, const Fabrication& f);
/// Newest first; `limit + 1` rows. Scope as for calls (by the agent who followed up).
std::vector<FollowUp> list_follow_ups(soci::session& sql, std::optional<long long> customer_id,
                                      std::optional<long long> agent_id, const Scope& scope,
                                      const std::optional<db::Cursor>& after, int limit);

}  // namespace waihu::calls::store
