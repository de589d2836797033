#pragma once
// SQL for calls. Runs on the caller's session/transaction.
#include <soci/soci.h>

#include <optional>
#include <vector>

#include "calls/model.hpp"
#include "db/database.hpp"
#include "db/keyset.hpp"
#include "db/query.hpp"
#include "org/rules.hpp"

namespace waihu::calls::store {

/// Whose calls a reader may see: everyone's, those of agents in the teams, or one agent's own.
using Scope = org::ScopeFilter;

/// " AND agent_id …" limiting rows of a table with an agent_id column to the scope ("" for everything).
std::string agent_in_scope(db::Query& q, const Scope& scope);

/// Sets c.id.
void insert_call(soci::session& sql, db::Dialect dialect, Call& c, std::optional<long long> created_by);
std::optional<Call> call_by_id(soci::session& sql, long long id);
bool external_id_exists(soci::session& sql, const std::string& external_id);
/// Newest first by start time; `limit + 1` rows to tell whether there is a next page.
std::vector<Call> list_calls(soci::session& sql, const CallFilter& f, const Scope& scope,
                             const std::optional<db::Cursor>& after, int limit);

}  // namespace waihu::calls::store
