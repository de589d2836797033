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
  RowInserter(soci::session& sql, Dialect dialect, const std::string& table, const std::vector<std::string>& columns);
  ~RowInserter();
  RowInserter(const RowInserter&) = delete;
  RowInserter& operator=(const RowInserter&) = delete;

  /// The next column's value. The text must stay alive until insert() returns.
  RowInserter& text(std::string_view value);
  RowInserter& integer(long long value);
  RowInserter& null();
  /// Inserts the row whose values were appended since the last insert; returns its id. Throws on a constraint.
  long long insert();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace waihu::db
