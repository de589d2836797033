#pragma once
// SQL for calls. Runs on the caller's session/transaction.
#include <soci/soci.h>

#include <memory>
#include <optional>
#include <vector>

#include "calls/model.hpp"
#include "db/database.hpp"
#include "db/keyset.hpp"
#include "db/query.hpp"
#include "db/row_inserter.hpp"
#include "org/rules.hpp"

namespace waihu::calls::store {

/// Whose calls a reader may see: everyone's, those of agents in the teams, or one agent's own.
using Scope = org::ScopeFilter;

/// " AND agent_id …" limiting rows of a table with an agent_id column to the scope ("" for everything).
std::string agent_in_scope(db::Query& q, const Scope& scope);

/// Inserts many calls through one prepared statement (an import). A call whose external_id is already stored
/// is skipped.
class CallWriter {
 public:
  CallWriter(soci::session& sql, db::Dialect dialect);
  ~CallWriter();
  /// Sets c.id and returns true, or returns false when a call with c.external_id is already stored.
  bool insert_new(Call& c, std::optional<long long> created_by);

 private:
  std::unique_ptr<db::RowInserter> rows_;
};

/// Sets c.id and returns true, or returns false when a call with c.external_id is already stored.
bool insert_call(soci::session& sql, db::Dialect dialect, Call& c, std::optional<long long> created_by);
std::optional<Call> call_by_id(soci::session& sql, long long id);
/// Newest first by start time; `limit + 1` rows to tell whether there is a next page.
std::vector<Call> list_calls(soci::session& sql, const CallFilter& f, const Scope& scope,
                             const std::optional<db::Cursor>& after, int limit);

}  // namespace waihu::calls::store
