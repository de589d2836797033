#include "db/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "core/errors.hpp"
#include "db/libpq.hpp"
#include "db/migrations.hpp"
#include "db/sqlite_statements.hpp"
#include "util/strings.hpp"

namespace waihu::db {

namespace {
// libpq's keyword form of postgresql://user:password@host:port/db?opt=value — SOCI hands libpq a keyword string.
std::string postgres_keywords(const std::string& url) {
  std::string_view rest = std::string_view(url).substr(url.find("://") + 3);
  std::vector<std::pair<std::string, std::string>> kv;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    std::string_view query = rest.substr(q + 1);
    rest = rest.substr(0, q);
    while (!query.empty()) {
      auto amp = query.find('&');
      std::string_view pair = query.substr(0, amp);
      if (auto eq = pair.find('='); eq != std::string_view::npos) {
        kv.emplace_back(util::percent_decode(pair.substr(0, eq), false),
                        util::percent_decode(pair.substr(eq + 1), false));
      }
      query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    }
  }
  std::string_view hostpart = rest.substr(0, rest.find('/'));
  if (auto slash = rest.find('/'); slash != std::string_view::npos && slash + 1 < rest.size()) {
    kv.emplace_back("dbname", util::percent_decode(rest.substr(slash + 1), false));
  }
  if (auto at = hostpart.rfind('@'); at != std::string_view::npos) {
    std::string_view userinfo = hostpart.substr(0, at);
    hostpart = hostpart.substr(at + 1);
    auto colon = userinfo.find(':');
    kv.emplace_back("user", util::percent_decode(userinfo.substr(0, colon), false));
    if (colon != std::string_view::npos)
      kv.emplace_back("password", util::percent_decode(userinfo.substr(colon + 1), false));
  }
  if (auto colon = hostpart.rfind(':');
      colon != std::string_view::npos && hostpart.find(']') == std::string_view::npos) {
    kv.emplace_back("port", std::string(hostpart.substr(colon + 1)));
    hostpart = hostpart.substr(0, colon);
  }
  if (!hostpart.empty()) kv.emplace_back("host", util::percent_decode(hostpart, false));
  std::string out;
  for (const auto& [k, v] : kv) {
    std::string quoted;
    for (char c : v) {
      if (c == '\\' || c == '\'') quoted += '\\';
      quoted += c;
    }
    out += (out.empty() ? "" : " ") + k + "='" + quoted + "'";
  }
  return out;
}
}  // namespace

DbUrl parse_db_url(const std::string& url, const std::string& data_dir) {
  DbUrl out;
  std::string path;
  if (url.empty()) {
    path = (std::filesystem::path(data_dir) / "waihu.db").string();
  } else if (url.starts_with("sqlite://")) {
    path = url.substr(9);
  } else if (url.starts_with("sqlite:")) {
    path = url.substr(7);
  } else if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    out.dialect = Dialect::kPostgres;
    out.connect = postgres_keywords(url);
    auto at = url.find('@');
    out.display = at == std::string::npos ? url : url.substr(0, url.find("://") + 3) + "…" + url.substr(at);
    return out;
  } else {
    throw std::invalid_argument("--db must be sqlite:PATH or postgresql://…, got '" + url + "'");
  }
  if (path.empty()) throw std::invalid_argument("--db sqlite: needs a file path");
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  out.connect = "db=\"" + path + "\" timeout=10";
  out.display = "sqlite:" + path;
  out.sqlite_path = path;
  return out;
}

namespace {
// SQLite's memory statistics take one process-wide mutex on every allocation: with several request threads in
// SQLite at once, that mutex and its futex calls were a third of what logging a call cost. Waihu never reads
// the statistics. Must run before the library initialises, i.e. before the first connection opens.
void configure_sqlite_library() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}
}  // namespace

Database::Database(const DbUrl& url, const DatabaseOptions& options)
    : url_(url),
      size_(std::max<size_t>(1, options.pool_size)),
      busy_timeout_ms_(options.busy_timeout_ms),
      statement_timeout_ms_(options.statement_timeout_ms) {
  if (url_.dialect == Dialect::kSqlite) configure_sqlite_library();
  pool_ = std::make_unique<soci::connection_pool>(size_);
  try {
    for (size_t i = 0; i < size_; ++i) open_session(pool_->at(i));
    if (url_.dialect == Dialect::kSqlite) {
      writer_session_ = std::make_unique<soci::session>();
      open_session(*writer_session_);
      *writer_session_ << "PRAGMA cache_size = -65536";  // 64 MiB: the hot pages of every table written to
    }
  } catch (...) {
    release_statements();  // the destructor will not run
    throw;
  }
}

Database::WriteSession::WriteSession(Database& db) : db_(db) {
  if (!db.writer_session_) leased_.emplace(*db.pool_);
}

Database::~Database() { release_statements(); }

void Database::release_statements() noexcept {
  if (url_.dialect != Dialect::kSqlite) return;
  // The connections close with the pool: what they kept prepared goes first.
  auto release = [](soci::session& s) {
    if (s.get_backend()) sqlite::release(sqlite::handle(s));
  };
  for (size_t i = 0; i < size_; ++i) release(pool_->at(i));
  if (writer_session_) release(*writer_session_);
}

void Database::open_session(soci::session& s) {
  try {
    if (url_.dialect == Dialect::kSqlite) {
      s.open(soci::sqlite3, url_.connect);
      s << "PRAGMA journal_mode=WAL";
      s << "PRAGMA synchronous=NORMAL";
      s << "PRAGMA foreign_keys=ON";
      s << "PRAGMA busy_timeout=" + std::to_string(busy_timeout_ms_);
      // Statement journals of long transactions (an import) stay in memory instead of a temp file per statement.
      s << "PRAGMA temp_store=MEMORY";
      sqlite::adopt(sqlite::handle(s));
    } else {
      s.open(soci::postgresql, url_.connect);
      // The server's notices ("terminating connection due to administrator command") go to the log, not to a
      // bare stderr line.
      PQsetNoticeProcessor(
          pg_connection(s), [](void*, const char* message) { spdlog::warn("postgresql: {}", util::trim(message)); },
          nullptr);
      s << "SET client_min_messages = warning";  // no NOTICE chatter from IF NOT EXISTS on stderr
      s << "SET statement_timeout = " + std::to_string(statement_timeout_ms_);
    }
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot open database " + url_.display + ": " + e.what());
  }
}

std::unique_lock<std::timed_mutex> Database::queue_writer() {
  if (url_.dialect != Dialect::kSqlite) return {};
  std::unique_lock lock(writer_, std::defer_lock);
  if (!lock.try_lock_for(std::chrono::milliseconds(busy_timeout_ms_))) {
    throw Unavailable(
        "store.busy",
        "数据库正忙（可能正在导入），请稍后重试 / the store is busy (an import may be running); retry shortly");
  }
  return lock;
}

PGconn* pg_connection(soci::session& sql) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
  return backend ? backend->conn_ : nullptr;  // none after an open that failed
}

void throw_pg(PGconn* conn, PGresult* r, const char* what) {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = std::string(what) + ": " + (r ? PQresultErrorMessage(r) : PQerrorMessage(conn));
  throw soci::postgresql_soci_error(message, state ? state : "08006");
}

namespace {
bool connection_ok(soci::session& sql) {
  PGconn* conn = pg_connection(sql);
  return conn && PQstatus(conn) == CONNECTION_OK;
}

std::string sqlstate_in_flight() {
  try {
    throw;
  } catch (const soci::postgresql_soci_error& e) {
    return e.sqlstate();
  } catch (...) {
    return {};
  }
}

[[noreturn]] void throw_unavailable() {
  throw Unavailable("store.unavailable",
                    "数据库暂时不可用，请稍后重试 / the database is unavailable for the moment; retry shortly");
}
}  // namespace

void Database::reopen(soci::session& sql) {
  try {
    sql.close();
    open_session(sql);
  } catch (const std::exception&) {
    throw_unavailable();
  }
}

void Database::begin(soci::session& sql, bool for_write) {
  if (url_.dialect == Dialect::kSqlite) {
    // Take the write lock up front, so two writers queue on busy_timeout instead of failing on upgrade.
    sqlite::Statement(sqlite::handle(sql), for_write ? "BEGIN IMMEDIATE" : "BEGIN").run();
    return;
  }
  if (!connection_ok(sql)) reopen(sql);
  try {
    sql << "BEGIN";
  } catch (const soci::soci_error&) {
    if (connection_ok(sql)) throw;
    reopen(sql);
    sql << "BEGIN";
  }
}

void Database::commit(soci::session& sql) {
  if (url_.dialect == Dialect::kPostgres) {
    PGconn* conn = pg_connection(sql);
    if (conn && PQtransactionStatus(conn) == PQTRANS_INERROR) {
      throw soci::postgresql_soci_error("a statement of this transaction failed; it was rolled back",
                                        sqlstate::kInFailedTransaction.data());
    }
    sql << "COMMIT";
    return;
  }
  sqlite::Statement(sqlite::handle(sql), "COMMIT").run();
}

void Database::rollback(soci::session& sql) noexcept {
  try {
    if (sqlite::is_sqlite(sql)) {
      sqlite::Statement(sqlite::handle(sql), "ROLLBACK").run();
      return;
    }
    sql << "ROLLBACK";
  } catch (...) {
  }
}

bool Database::lost_a_race() noexcept {
  std::string state = sqlstate_in_flight();
  return state == sqlstate::kUniqueViolation || state == sqlstate::kSerializationFailure ||
         state == sqlstate::kDeadlock;
}

void Database::rethrow_translated() {
  try {
    throw;
  } catch (const soci::sqlite3_soci_error& e) {
    int code = e.result() & 0xff;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
      throw Unavailable(
          "store.busy",
          "数据库正忙（可能正在导入），请稍后重试 / the store is busy (an import may be running); retry shortly");
    }
    throw;
  } catch (const soci::postgresql_soci_error& e) {
    std::string state = e.sqlstate();
    // 08: connection exceptions; 57P01-03: the server is shutting down or starting; 53300: too many connections.
    if (state.starts_with("08") || state.starts_with("57P") || state == sqlstate::kTooManyConnections) {
      throw_unavailable();
    }
    if (state == sqlstate::kStatementTimeout) {
      throw Unavailable("store.timeout", "数据库操作超时，请稍后重试 / the database took too long; retry shortly");
    }
    if (state == sqlstate::kSerializationFailure || state == sqlstate::kDeadlock) {
      throw Unavailable("store.contention", "数据正被他人同时修改，请重试 / others were changing the same data; retry");
    }
    if (state == sqlstate::kUniqueViolation) {
      throw Conflict(
          "store.conflict",
          "与他人同时进行的修改冲突，请重试 / a change made at the same time conflicts with this one; retry");
    }
    throw;
  } catch (const soci::soci_error& e) {
    // SOCI reports some lost connections without a SQLSTATE ("no connection to the server").
    std::string what = e.what();
    if (what.find("connection") != std::string::npos || what.find("terminat") != std::string::npos) {
      throw_unavailable();
    }
    throw;
  }
}

const char* lock_clause(soci::session& sql, Lock lock) {
  return lock == Lock::kForUpdate && sql.get_backend_name() == "postgresql" ? " FOR UPDATE" : "";
}

int Database::code_version() { return latest_migration_version(); }

int Database::schema_version() {
  soci::session sql(*pool_);
  ensure_migrations_table(sql);
  return recorded_version(sql);
}

void Database::migrate() {
  soci::session sql(*pool_);
  apply_migrations(sql, url_.dialect);
}

BulkWriteTuning::BulkWriteTuning(soci::session& sql, Dialect dialect) : sql_(sql), dialect_(dialect) {
  if (dialect_ == Dialect::kPostgres) {
    sql_ << "SET LOCAL statement_timeout = 0";  // ends with the transaction
  } else {
    sql_ << "PRAGMA cache_size", soci::into(cache_size_before_);
    sql_ << "PRAGMA cache_size = -131072";  // 128 MiB
    // Foreign keys are checked at COMMIT instead of per statement: a statement that cannot fail half-way needs
    // no statement journal, which otherwise copies every index page an INSERT touches.
    sql_ << "PRAGMA defer_foreign_keys = ON";
  }
}

BulkWriteTuning::~BulkWriteTuning() {
  if (dialect_ != Dialect::kSqlite) return;
  try {
    sql_ << "PRAGMA cache_size = " + std::to_string(cache_size_before_);
  } catch (...) {
  }
}

}  // namespace waihu::db
