#pragma once
// A query assembled at run time (filters, keyset paging) with bound parameters, and rows read back as text.
// Every column is fetched as text and converted on read: this is portable across SQLite and PostgreSQL
// whatever a column's declared type, and keeps stores free of SOCI's per-backend type mapping.
#include <soci/soci.h>

#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace waihu::db {

namespace sqlite {
class Statement;
}
struct PgResult;

/// ":p3" → "$3" (libpq's numbering) outside quoted literals and identifiers; "::" casts stay as they are.
std::string numbered_placeholders(const std::string& text);

class Row {
 public:
  bool is_null(size_t i) const { return null_[i]; }
  const std::string& str(size_t i) const { return values_[i]; }
  long long i64(size_t i) const;
  std::optional<long long> opt_i64(size_t i) const;
  std::optional<std::string> opt_str(size_t i) const;

 private:
  friend class Query;
  std::vector<std::string> values_;
  std::vector<bool> null_;
};

class Query {
 public:
  Query() = default;
  explicit Query(std::string text) : text_(std::move(text)) {}

  Query& operator<<(std::string_view fragment) {
    text_ += fragment;
    return *this;
  }
  /// Binds a value and returns its placeholder (":p3") to splice into the text.
  std::string bind(std::string value);
  std::string bind(long long value);
  /// ":p1,:p2,…" for an IN list; "NULL" for an empty one (matches nothing).
  std::string bind_list(const std::vector<long long>& values);
  const std::string& text() const { return text_; }

  void exec(soci::session& sql) const;
  /// Runs an INSERT/UPDATE/DELETE and answers how many rows it changed.
  long long exec_count(soci::session& sql) const;
  std::vector<Row> fetch(soci::session& sql, size_t columns) const;
  std::optional<Row> fetch_one(soci::session& sql, size_t columns) const;
  /// First column of the first row as an integer (e.g. "RETURNING id", "SELECT COUNT(*)").
  std::optional<long long> scalar(soci::session& sql) const;

 private:
  struct Param {
    std::string name;
    bool is_int;
    std::string s;
    long long i;
  };
  void bind_sqlite(sqlite::Statement& st) const;
  PgResult run_postgres(soci::session& sql) const;
  std::string text_;
  // deque: bound references must not move while the statement lives.
  mutable std::deque<Param> params_;
};

}  // namespace waihu::db
