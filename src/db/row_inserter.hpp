#pragma once
// Inserting many rows into one table through one statement prepared once, values appended by position.
// On SQLite it goes straight to the sqlite3 API — SOCI's per-value bookkeeping was half the cost of a
// million-row import — elsewhere through SOCI. Used inside the caller's transaction.
//
//   RowInserter phones(sql, dialect, "customer_phones", {"customer_id", "e164"});
//   phones.integer(id).text("+8613812345678");
//   phones.insert();
#include <soci/soci.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace waihu::db {

class RowInserter {
 public:
  struct Options {
    bool returns_id = true;         ///< false for tables without an id column
    bool skip_on_conflict = false;  ///< a row that breaks a unique constraint is skipped, not an error
    /// PostgreSQL: rows travel a thousand to a statement instead of one per round trip, their ids drawn ahead
    /// from the table's sequence (so insert() still answers the id). A row reaches the table at flush(), when
    /// the next row finds the batch full, or when the inserter is destroyed: the caller flushes before it
    /// reads what it inserted, and flushes a parent table's inserter before its children's. An error surfaces
    /// at that flush. With skip_on_conflict, only with returns_id: which rows went in is known after the flush
    /// (take_inserted_ids). SQLite writes every row at once regardless.
    bool batched = false;
  };
  RowInserter(soci::session& sql, Dialect dialect, const std::string& table, const std::vector<std::string>& columns,
              Options options);
  RowInserter(soci::session& sql, Dialect dialect, const std::string& table, const std::vector<std::string>& columns)
      : RowInserter(sql, dialect, table, columns, Options{}) {}
  ~RowInserter();
  RowInserter(const RowInserter&) = delete;
  RowInserter& operator=(const RowInserter&) = delete;

  /// The next column's value. The text must stay alive until insert() returns.
  RowInserter& text(std::string_view value);
  RowInserter& integer(long long value);
  RowInserter& null();
  /// Inserts the row whose values were appended since the last insert; returns its id (0 without returns_id).
  /// Throws on a constraint, or with skip_on_conflict returns 0 for a row that was skipped.
  long long insert();
  /// Whether the last insert() wrote its row (false only when skip_on_conflict skipped it).
  bool last_inserted() const;
  /// Sends the batched rows (no-op when nothing waits, or without `batched`).
  void flush();
  /// Whether the batch holds as many rows as one statement takes: the next insert() will flush it first.
  bool full() const;
  /// With skip_on_conflict and returns_id: the ids of the rows written (not skipped) since the last call, batched
  /// rows counting once flushed.
  std::vector<long long> take_inserted_ids();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace waihu::db
