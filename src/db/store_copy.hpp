#pragma once
// Moving a site's data from one store to another (SQLite → PostgreSQL as it grows, or back), table by table in
// the order the migrations create them (so every row's references exist before it), in one transaction on the
// target, then verified: each table's row count and checksum, computed the same way on both sides.
#include <functional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace waihu::db {

struct TableSum {
  long long rows = 0;
  std::string checksum;  ///< 16 hex digits
  bool operator==(const TableSum&) const = default;
};

struct TableCopy {
  std::string table;
  TableSum source, target;
  bool matches() const { return source == target; }
};

struct StoreCopyOptions {
  /// Empty the target's tables first; without it a target that holds any row is refused.
  bool overwrite = false;
  /// Told each table as it is verified, for progress.
  std::function<void(const TableCopy&)> on_table;
};

/// A table's row count and checksum: the sum (mod 2^64) of a hash of each row's values as text, so it depends on
/// neither row order nor collation nor dialect.
TableSum table_sum(Database& db, const std::string& table);

/// Copies every migrated table from `from` to `to` and verifies each. Both must be at this binary's schema
/// version (the target is migrated first). Throws std::runtime_error when the source is not, or when the target
/// holds data and `overwrite` is not set; nothing is written to the target then, nor when the copy fails.
/// Returns one entry per table; the caller decides what a mismatch means.
std::vector<TableCopy> copy_store(Database& from, Database& to, const StoreCopyOptions& options);

}  // namespace waihu::db
