#include "db/row_inserter.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdio>
#include <functional>
#include <stdexcept>
#include <variant>

namespace waihu::db {

namespace {
using Value = std::variant<std::monostate, std::string_view, long long>;

// `mark` is the parameter prefix: "?" for SQLite, "$" for PostgreSQL (numbered from 1 either way).
std::string insert_sql(const std::string& table, const std::vector<std::string>& columns, bool skip_on_conflict,
                       bool returning, char mark) {
  std::string cols, marks;
  for (size_t i = 0; i < columns.size(); ++i) {
    cols += (i ? ", " : "") + columns[i];
    marks += (i ? ", " : "") + (mark + std::to_string(i + 1));
  }
  return "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")" +
         (skip_on_conflict ? " ON CONFLICT DO NOTHING" : "") + (returning ? " RETURNING id" : "");
}
}  // namespace

struct RowInserter::Impl {
  std::vector<Value> values;
  size_t next = 0;
  RowInserter::Options options;
  bool last_inserted = false;
  // SQLite: the raw statement.
  sqlite_api::sqlite3* db = nullptr;
  sqlite_api::sqlite3_stmt* stmt = nullptr;
  // PostgreSQL: a statement prepared once per connection, executed through libpq (SOCI prepares and deallocates
  // a statement for every execution: three round trips a row instead of one).
  PGconn* pg = nullptr;
  std::string statement_name;

  ~Impl() {
    if (stmt) sqlite_api::sqlite3_finalize(stmt);
  }
  void prepare_postgres(const std::string& text);
  long long insert_postgres();
  void check(int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
      throw std::runtime_error(std::string(what) + ": " + sqlite_api::sqlite3_errmsg(db));
    }
  }
};

namespace {
struct PgResult {
  PGresult* r;
  ~PgResult() { PQclear(r); }
};

// Throws what SOCI would, so the store's error translation (unique violations, lost connections) sees one type.
void throw_pg(PGconn* conn, PGresult* r, const char* what) {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = std::string(what) + ": " + (r ? PQresultErrorMessage(r) : PQerrorMessage(conn));
  throw soci::postgresql_soci_error(message, state ? state : "08006");
}
}  // namespace

void RowInserter::Impl::prepare_postgres(const std::string& text) {
  // Named after the statement's text, so every inserter of one table on one connection shares it; the catalogue
  // says whether this connection prepared it already (asking never fails, unlike a DESCRIBE in a transaction).
  char name[32];
  std::snprintf(name, sizeof name, "waihu_ins_%016zx", std::hash<std::string>{}(text));
  statement_name = name;
  const char* params[] = {name};
  PgResult found{PQexecParams(pg, "SELECT 1 FROM pg_prepared_statements WHERE name = $1", 1, nullptr, params, nullptr,
                              nullptr, 0)};
  if (PQresultStatus(found.r) != PGRES_TUPLES_OK) throw_pg(pg, found.r, "prepare");
  if (PQntuples(found.r) > 0) return;
  PgResult prepared{PQprepare(pg, name, text.c_str(), static_cast<int>(values.size()), nullptr)};
  if (PQresultStatus(prepared.r) != PGRES_COMMAND_OK) throw_pg(pg, prepared.r, "prepare");
}

long long RowInserter::Impl::insert_postgres() {
  // Every value goes as text, NUL-terminated (a string_view is not); the server parses it by the column's type.
  std::vector<std::string> texts;
  texts.reserve(values.size());
  std::vector<const char*> params(values.size(), nullptr);
  for (size_t i = 0; i < values.size(); ++i) {
    if (auto* s = std::get_if<std::string_view>(&values[i])) {
      params[i] = texts.emplace_back(*s).c_str();
    } else if (auto* n = std::get_if<long long>(&values[i])) {
      params[i] = texts.emplace_back(std::to_string(*n)).c_str();
    }
  }
  PgResult r{
      PQexecPrepared(pg, statement_name.c_str(), static_cast<int>(values.size()), params.data(), nullptr, nullptr, 0)};
  auto status = PQresultStatus(r.r);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) throw_pg(pg, r.r, "insert");
  if (options.returns_id) {
    last_inserted = PQntuples(r.r) > 0;
    return last_inserted ? std::stoll(PQgetvalue(r.r, 0, 0)) : 0;
  }
  const char* affected = PQcmdTuples(r.r);
  last_inserted = affected[0] != '\0' && affected[0] != '0';
  return 0;
}

RowInserter::RowInserter(soci::session& sql, Dialect dialect, const std::string& table,
                         const std::vector<std::string>& columns, Options options)
    : impl_(std::make_unique<Impl>()) {
  impl_->values.resize(columns.size());
  impl_->options = options;
  if (dialect == Dialect::kSqlite) {
    impl_->db = static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
    std::string q = insert_sql(table, columns, options.skip_on_conflict, false, '?');
    impl_->check(sqlite_api::sqlite3_prepare_v2(impl_->db, q.c_str(), -1, &impl_->stmt, nullptr), "prepare");
  } else {
    impl_->pg = static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_;
    impl_->prepare_postgres(insert_sql(table, columns, options.skip_on_conflict, options.returns_id, '$'));
  }
}

RowInserter::~RowInserter() = default;

RowInserter& RowInserter::text(std::string_view value) {
  impl_->values.at(impl_->next++) = value;
  return *this;
}

RowInserter& RowInserter::integer(long long value) {
  impl_->values.at(impl_->next++) = value;
  return *this;
}

RowInserter& RowInserter::null() {
  impl_->values.at(impl_->next++) = std::monostate{};
  return *this;
}

long long RowInserter::insert() {
  Impl& m = *impl_;
  if (m.next != m.values.size()) throw std::logic_error("RowInserter: wrong number of values");
  m.next = 0;
  if (m.stmt) {
    for (size_t i = 0; i < m.values.size(); ++i) {
      int col = static_cast<int>(i) + 1;
      int rc;
      if (auto* s = std::get_if<std::string_view>(&m.values[i])) {
        rc = sqlite_api::sqlite3_bind_text(m.stmt, col, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
      } else if (auto* n = std::get_if<long long>(&m.values[i])) {
        rc = sqlite_api::sqlite3_bind_int64(m.stmt, col, *n);
      } else {
        rc = sqlite_api::sqlite3_bind_null(m.stmt, col);
      }
      m.check(rc, "bind");
    }
    int rc = sqlite_api::sqlite3_step(m.stmt);
    sqlite_api::sqlite3_reset(m.stmt);
    m.check(rc, "insert");
    m.last_inserted = sqlite_api::sqlite3_changes(m.db) > 0;
    return m.last_inserted && m.options.returns_id ? sqlite_api::sqlite3_last_insert_rowid(m.db) : 0;
  }
  return m.insert_postgres();
}

bool RowInserter::last_inserted() const { return impl_->last_inserted; }

}  // namespace waihu::db
