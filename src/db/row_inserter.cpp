#include "db/row_inserter.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
#include <utility>
#include <variant>

#include "db/libpq.hpp"
#include "db/sqlite_statements.hpp"

namespace waihu::db {

namespace {
using Value = std::variant<std::monostate, std::string_view, long long>;

// How PostgreSQL is sent a value: as text (the server parses it by the column's type), or nothing for NULL.
std::optional<std::string> as_text(const Value& v) {
  if (auto* s = std::get_if<std::string_view>(&v)) return std::string(*s);
  if (auto* n = std::get_if<long long>(&v)) return std::to_string(*n);
  return std::nullopt;
}

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
  // SQLite: the statement, kept prepared by the connection.
  sqlite_api::sqlite3* db = nullptr;
  std::unique_ptr<sqlite::Statement> statement;
  // PostgreSQL: a statement prepared once per connection, executed through libpq (SOCI prepares and deallocates
  // a statement for every execution: three round trips a row instead of one).
  PGconn* pg = nullptr;
  std::string statement_name;
  // PostgreSQL, batched: the rows waiting (each value as text; nullopt for NULL) and the ids drawn ahead.
  std::string table, column_list;
  std::string sequence;
  std::vector<std::optional<std::string>> pending;
  size_t pending_rows = 0, batch_rows = 1;
  std::vector<long long> reserved_ids;
  size_t next_id = 0;
  std::vector<long long> inserted_ids;  // skip_on_conflict with returns_id: what went in
  void note_inserted(long long id) {
    if (options.skip_on_conflict && options.returns_id && id) inserted_ids.push_back(id);
  }

  void prepare_postgres(const std::string& text);
  long long insert_postgres();
  long long queue_postgres();
  void flush_postgres();
  long long reserve_id();
};

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
  std::vector<std::optional<std::string>> texts;  // NUL-terminated, which a string_view is not
  texts.reserve(values.size());
  std::vector<const char*> params(values.size(), nullptr);
  for (size_t i = 0; i < values.size(); ++i) {
    if (const auto& t = texts.emplace_back(as_text(values[i]))) params[i] = t->c_str();
  }
  PgResult r{
      PQexecPrepared(pg, statement_name.c_str(), static_cast<int>(values.size()), params.data(), nullptr, nullptr, 0)};
  auto status = PQresultStatus(r.r);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) throw_pg(pg, r.r, "insert");
  if (options.returns_id) {
    last_inserted = PQntuples(r.r) > 0;
    long long id = last_inserted ? std::stoll(PQgetvalue(r.r, 0, 0)) : 0;
    note_inserted(id);
    return id;
  }
  const char* affected = PQcmdTuples(r.r);
  last_inserted = affected[0] != '\0' && affected[0] != '0';
  return 0;
}

long long RowInserter::Impl::reserve_id() {
  if (next_id == reserved_ids.size()) {
    std::string count = std::to_string(batch_rows);
    const char* params[] = {sequence.c_str(), count.c_str()};
    PgResult r{PQexecParams(pg, "SELECT nextval($1::regclass) FROM generate_series(1, $2::int)", 2, nullptr, params,
                            nullptr, nullptr, 0)};
    if (PQresultStatus(r.r) != PGRES_TUPLES_OK) throw_pg(pg, r.r, "reserve ids");
    reserved_ids.clear();
    for (int i = 0; i < PQntuples(r.r); ++i) reserved_ids.push_back(std::stoll(PQgetvalue(r.r, i, 0)));
    next_id = 0;
  }
  return reserved_ids[next_id++];
}

long long RowInserter::Impl::queue_postgres() {
  if (pending_rows == batch_rows) flush_postgres();
  long long id = 0;
  if (options.returns_id) {
    id = reserve_id();
    pending.emplace_back(std::to_string(id));
  }
  for (const auto& v : values) pending.push_back(as_text(v));
  ++pending_rows;
  last_inserted = true;
  return id;
}

void RowInserter::Impl::flush_postgres() {
  if (pending_rows == 0) return;
  const size_t per_row = pending.size() / pending_rows;
  std::string text = "INSERT INTO " + table + " (" + column_list + ") VALUES ";
  std::vector<const char*> params(pending.size());
  for (size_t row = 0, p = 0; row < pending_rows; ++row) {
    text += row ? ",(" : "(";
    for (size_t c = 0; c < per_row; ++c, ++p) {
      text += (c ? ",$" : "$") + std::to_string(p + 1);
      params[p] = pending[p] ? pending[p]->c_str() : nullptr;
    }
    text += ')';
  }
  if (options.skip_on_conflict) text += " ON CONFLICT DO NOTHING RETURNING id";
  PgResult r{
      PQexecParams(pg, text.c_str(), static_cast<int>(params.size()), nullptr, params.data(), nullptr, nullptr, 0)};
  pending.clear();
  pending_rows = 0;
  auto status = PQresultStatus(r.r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw_pg(pg, r.r, "insert");
  if (options.skip_on_conflict) {
    for (int i = 0; i < PQntuples(r.r); ++i) note_inserted(std::stoll(PQgetvalue(r.r, i, 0)));
  }
}

RowInserter::RowInserter(soci::session& sql, Dialect dialect, const std::string& table,
                         const std::vector<std::string>& columns, Options options)
    : impl_(std::make_unique<Impl>()) {
  impl_->values.resize(columns.size());
  impl_->options = options;
  if (options.batched && options.skip_on_conflict && !options.returns_id) {
    throw std::logic_error("RowInserter: batched rows that may be skipped need their ids");
  }
  if (options.batched && dialect == Dialect::kPostgres) {
    Impl& m = *impl_;
    m.pg = pg_connection(sql);
    m.table = table;
    for (const auto& c : columns) m.column_list += (m.column_list.empty() ? "" : ", ") + c;
    if (options.returns_id) {
      m.column_list = "id, " + m.column_list;
      const char* params[] = {table.c_str()};
      PgResult r{
          PQexecParams(m.pg, "SELECT pg_get_serial_sequence($1, 'id')", 1, nullptr, params, nullptr, nullptr, 0)};
      if (PQresultStatus(r.r) != PGRES_TUPLES_OK || PQgetisnull(r.r, 0, 0)) throw_pg(m.pg, r.r, "sequence");
      m.sequence = PQgetvalue(r.r, 0, 0);
    }
    // PostgreSQL takes at most 65,535 parameters a statement.
    m.batch_rows = std::max<size_t>(1, std::min<size_t>(1000, 65535 / (columns.size() + 1)));
    return;
  }
  if (dialect == Dialect::kSqlite) {
    impl_->db = sqlite::handle(sql);
    impl_->statement = std::make_unique<sqlite::Statement>(
        impl_->db, insert_sql(table, columns, options.skip_on_conflict, false, '?'));
  } else {
    impl_->pg = pg_connection(sql);
    impl_->prepare_postgres(insert_sql(table, columns, options.skip_on_conflict, options.returns_id, '$'));
  }
}

RowInserter::~RowInserter() {
  // Rows still waiting are sent, unless an exception is unwinding (its transaction rolls back anyway). If that
  // fails, PostgreSQL has aborted the transaction and Database refuses to commit it: nothing is lost silently.
  if (!impl_ || impl_->pending_rows == 0 || std::uncaught_exceptions() > 0) return;
  try {
    impl_->flush_postgres();
  } catch (const std::exception& e) {
    spdlog::error("rows of {} could not be written: {}", impl_->table, e.what());
  }
}

void RowInserter::flush() {
  if (impl_->pending_rows) impl_->flush_postgres();
}

std::vector<long long> RowInserter::take_inserted_ids() { return std::exchange(impl_->inserted_ids, {}); }

bool RowInserter::full() const { return impl_->pending_rows > 0 && impl_->pending_rows == impl_->batch_rows; }

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
  if (m.statement) {
    sqlite_api::sqlite3_stmt* stmt = m.statement->get();
    for (size_t i = 0; i < m.values.size(); ++i) {
      int col = static_cast<int>(i) + 1;
      int rc;
      if (auto* s = std::get_if<std::string_view>(&m.values[i])) {
        rc = sqlite_api::sqlite3_bind_text(stmt, col, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
      } else if (auto* n = std::get_if<long long>(&m.values[i])) {
        rc = sqlite_api::sqlite3_bind_int64(stmt, col, *n);
      } else {
        rc = sqlite_api::sqlite3_bind_null(stmt, col);
      }
      m.statement->check(rc);
    }
    int rc = sqlite_api::sqlite3_step(stmt);
    sqlite_api::sqlite3_reset(stmt);
    m.statement->check(rc);
    m.last_inserted = sqlite_api::sqlite3_changes(m.db) > 0;
    long long id = m.last_inserted && m.options.returns_id ? sqlite_api::sqlite3_last_insert_rowid(m.db) : 0;
    m.note_inserted(id);
    return id;
  }
  return m.options.batched ? m.queue_postgres() : m.insert_postgres();
}

bool RowInserter::last_inserted() const { return impl_->last_inserted; }

}  // namespace waihu::db
