#pragma once
// SQL for calls. Runs on the caller's session/transaction.
#include <soci/soci.h>

#include <functional>
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
///
/// Batched (imports): add() queues calls — on PostgreSQL they travel a thousand to a statement — and settle()
/// writes what waits and tells, call by call in order, whether it went in or was a re-import.
class CallWriter {
 public:
  /// How many added calls settle() is due for (full() says so).
  static constexpr size_t kBatch = 1000;
  CallWriter(soci::session& sql, db::Dialect dialect, bool batched = false);
  ~CallWriter();
  /// Sets c.id and returns true, or returns false when a call with c.external_id is already stored. Not batched.
  bool insert_new(Call& c, std::optional<long long> created_by);
  /// Batched: queues a call.
  void add(Call c, std::optional<long long> created_by);
  bool full() const { return pending_.size() >= kBatch; }
  /// Batched: writes the queued calls and calls f(call, inserted) for each, in the order added; `inserted` is
  /// false for a call whose external_id was already stored (or came earlier in the batch).
  void settle(const std::function<void(const Call&, bool inserted)>& f);

 private:
  void append(Call& c, std::optional<long long> created_by);
  std::unique_ptr<db::RowInserter> rows_;
  std::vector<Call> pending_;
};

/// Sets c.id and returns true, or returns false when a call with c.external_id is already stored.
bool insert_call(soci::session& sql, db::Dialect dialect, Call& c, std::optional<long long> created_by);
std::optional<Call> call_by_id(soci::session& sql, long long id);
/// Marks a call fabricated (虚报); false when it was marked already.
bool mark_fabricated(soci::session& sql, long long call_id, const Fabrication& f);
/// Newest first by start time; `limit + 1` rows to tell whether there is a next page.
std::vector<Call> list_calls(soci::session& sql, const CallFilter& f, const Scope& scope,
                             const std::optional<db::Cursor>& after, int limit);

}  // namespace waihu::calls::store
