#include "db/row_inserter.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>
#include <variant>

namespace waihu::db {

namespace {
using Value = std::variant<std::monostate, std::string_view, long long>;

std::string insert_sql(const std::string& table, const std::vector<std::string>& columns, bool skip_on_conflict,
                       bool returning) {
  std::string cols, marks;
  for (size_t i = 0; i < columns.size(); ++i) {
    cols += (i ? ", " : "") + columns[i];
    marks += (i ? ", :v" : ":v") + std::to_string(i);
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
  // Elsewhere: SOCI with "RETURNING id".
  soci::session* sql = nullptr;
  std::string text_sql;

  ~Impl() {
    if (stmt) sqlite_api::sqlite3_finalize(stmt);
  }
  void check(int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
      throw std::runtime_error(std::string(what) + ": " + sqlite_api::sqlite3_errmsg(db));
    }
  }
};

RowInserter::RowInserter(soci::session& sql, Dialect dialect, const std::string& table,
                         const std::vector<std::string>& columns, Options options)
    : impl_(std::make_unique<Impl>()) {
  impl_->values.resize(columns.size());
  impl_->options = options;
  if (dialect == Dialect::kSqlite) {
    impl_->db = static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
    std::string q = insert_sql(table, columns, options.skip_on_conflict, false);
    impl_->check(sqlite_api::sqlite3_prepare_v2(impl_->db, q.c_str(), -1, &impl_->stmt, nullptr), "prepare");
  } else {
    impl_->sql = &sql;
    impl_->text_sql = insert_sql(table, columns, options.skip_on_conflict, options.returns_id);
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
  // Through SOCI: strings copied so they outlive the statement.
  std::vector<std::string> texts;
  std::vector<long long> ints;
  std::vector<soci::indicator> nulls(m.values.size(), soci::i_ok);
  texts.reserve(m.values.size());
  ints.reserve(m.values.size());
  long long id = 0;
  auto temp = (m.sql->prepare << m.text_sql);
  for (size_t i = 0; i < m.values.size(); ++i) {
    std::string name = "v" + std::to_string(i);
    if (auto* s = std::get_if<std::string_view>(&m.values[i])) {
      texts.emplace_back(*s);
      temp, soci::use(texts.back(), name);
    } else if (auto* n = std::get_if<long long>(&m.values[i])) {
      ints.push_back(*n);
      temp, soci::use(ints.back(), name);
    } else {
      ints.push_back(0);
      nulls[i] = soci::i_null;
      temp, soci::use(ints.back(), nulls[i], name);
    }
  }
  soci::indicator id_ind = soci::i_null;
  if (m.options.returns_id) temp, soci::into(id, id_ind);
  soci::statement st(temp);
  st.execute(true);
  if (m.options.returns_id) {
    m.last_inserted = st.got_data();
  } else {
    m.last_inserted = st.get_affected_rows() > 0;
  }
  return m.last_inserted ? id : 0;
}

bool RowInserter::last_inserted() const { return impl_->last_inserted; }

}  // namespace waihu::db
