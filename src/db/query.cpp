#include "db/query.hpp"

#include <cctype>
#include <cstdlib>
#include <stdexcept>

#include "db/libpq.hpp"
#include "db/sqlite_statements.hpp"
#include "util/strings.hpp"

namespace waihu::db {

long long Row::i64(size_t i) const {
  long long v = 0;
  if (null_[i] || !util::parse_int64(values_[i], v)) {
    throw std::runtime_error("column " + std::to_string(i) + " is not an integer: '" + values_[i] + "'");
  }
  return v;
}

std::optional<long long> Row::opt_i64(size_t i) const {
  if (null_[i]) return std::nullopt;
  return i64(i);
}

std::optional<std::string> Row::opt_str(size_t i) const {
  if (null_[i]) return std::nullopt;
  return values_[i];
}

std::string Query::bind(std::string value) {
  std::string name = "p" + std::to_string(params_.size() + 1);
  params_.push_back({name, false, std::move(value), 0});
  return ":" + name;
}

std::string Query::bind(long long value) {
  std::string name = "p" + std::to_string(params_.size() + 1);
  params_.push_back({name, true, {}, value});
  return ":" + name;
}

std::string Query::bind_list(const std::vector<long long>& values) {
  if (values.empty()) return "NULL";
  std::string out;
  for (long long v : values) {
    if (!out.empty()) out += ',';
    out += bind(v);
  }
  return out;
}

std::string numbered_placeholders(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;  // a doubled quote closes and reopens: same outcome
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == ':' && (i == 0 || text[i - 1] != ':') && i + 2 < text.size() && text[i + 1] == 'p' &&
               std::isdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += '$';
      ++i;  // the 'p'; the digits follow as they are
      continue;
    }
    out += c;
  }
  return out;
}

// PostgreSQL: one round trip through libpq, every column answered as text. (SOCI prepares, executes and
// deallocates a statement: three round trips.)
PgResult Query::run_postgres(soci::session& sql) const {
  PGconn* conn = pg_connection(sql);
  std::vector<std::string> numbers;
  numbers.reserve(params_.size());
  std::vector<const char*> values;
  values.reserve(params_.size());
  for (const auto& p : params_) {
    if (p.is_int) {
      numbers.push_back(std::to_string(p.i));
      values.push_back(numbers.back().c_str());
    } else {
      values.push_back(p.s.c_str());
    }
  }
  const std::string text = numbered_placeholders(text_);
  PgResult r{
      PQexecParams(conn, text.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0)};
  const auto status = PQresultStatus(r.r);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) throw_pg(conn, r.r, "query");
  return r;
}

// SQLite: straight through the API, on a statement the connection keeps prepared.
void Query::bind_sqlite(sqlite::Statement& st) const {
  for (const auto& p : params_) {
    int index = sqlite_api::sqlite3_bind_parameter_index(st.get(), (":" + p.name).c_str());
    if (index == 0) throw std::logic_error("parameter :" + p.name + " is not in the query: " + text_);
    st.check(p.is_int ? sqlite_api::sqlite3_bind_int64(st.get(), index, p.i)
                      : sqlite_api::sqlite3_bind_text(st.get(), index, p.s.data(), static_cast<int>(p.s.size()),
                                                      SQLITE_STATIC));
  }
}

void Query::exec(soci::session& sql) const { exec_count(sql); }

long long Query::exec_count(soci::session& sql) const {
  if (sqlite::is_sqlite(sql)) {
    sqlite::Statement st(sqlite::handle(sql), text_);
    bind_sqlite(st);
    st.run();
    return sqlite_api::sqlite3_changes(sqlite::handle(sql));
  }
  PgResult r = run_postgres(sql);
  return std::atoll(PQcmdTuples(r.r));
}

std::vector<Row> Query::fetch(soci::session& sql, size_t columns) const {
  std::vector<Row> out;
  if (sqlite::is_sqlite(sql)) {
    sqlite::Statement st(sqlite::handle(sql), text_);
    bind_sqlite(st);
    if (sqlite_api::sqlite3_column_count(st.get()) < static_cast<int>(columns)) {
      throw std::logic_error("the query answers fewer than " + std::to_string(columns) + " columns: " + text_);
    }
    int rc;
    while ((rc = sqlite_api::sqlite3_step(st.get())) == SQLITE_ROW) {
      Row r;
      r.values_.resize(columns);
      r.null_.resize(columns);
      for (size_t i = 0; i < columns; ++i) {
        int col = static_cast<int>(i);
        r.null_[i] = sqlite_api::sqlite3_column_type(st.get(), col) == SQLITE_NULL;
        if (r.null_[i]) continue;
        const auto* text = sqlite_api::sqlite3_column_text(st.get(), col);
        r.values_[i].assign(reinterpret_cast<const char*>(text),
                            static_cast<size_t>(sqlite_api::sqlite3_column_bytes(st.get(), col)));
      }
      out.push_back(std::move(r));
    }
    st.check(rc);
    return out;
  }
  PgResult r = run_postgres(sql);
  if (PQnfields(r.r) < static_cast<int>(columns)) {
    throw std::logic_error("the query answers fewer than " + std::to_string(columns) + " columns: " + text_);
  }
  const int rows = PQntuples(r.r);
  out.reserve(static_cast<size_t>(rows));
  for (int row = 0; row < rows; ++row) {
    Row o;
    o.values_.resize(columns);
    o.null_.resize(columns);
    for (size_t i = 0; i < columns; ++i) {
      const int col = static_cast<int>(i);
      o.null_[i] = PQgetisnull(r.r, row, col);
      if (!o.null_[i]) o.values_[i].assign(PQgetvalue(r.r, row, col), static_cast<size_t>(PQgetlength(r.r, row, col)));
    }
    out.push_back(std::move(o));
  }
  return out;
}

std::optional<Row> Query::fetch_one(soci::session& sql, size_t columns) const {
  auto rows = fetch(sql, columns);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::optional<long long> Query::scalar(soci::session& sql) const {
  auto row = fetch_one(sql, 1);
  if (!row || row->is_null(0)) return std::nullopt;
  return row->i64(0);
}

}  // namespace waihu::db
