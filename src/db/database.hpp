#pragma once
// The store: a pool of SOCI sessions on SQLite (default) or PostgreSQL, migrations, and transactions.
// Stores take a `soci::session&` from here; nothing above db/ knows which dialect is underneath.
#include <soci/soci.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace waihu::db {

/// How long a writer waits for its turn before the request is answered 503 "store.busy".
inline constexpr int kBusyTimeoutMs = 10000;

enum class Dialect { kSqlite, kPostgres };

struct DbUrl {
  Dialect dialect = Dialect::kSqlite;
  std::string connect;  ///< what SOCI's backend takes
  std::string display;  ///< for messages, without a password
};

/// "sqlite:PATH", "sqlite://PATH" or "postgresql://…"; empty means `DATA_DIR/waihu.db`.
DbUrl parse_db_url(const std::string& url, const std::string& data_dir);

/// Thread-safe: each call leases its own session from the pool.
class Database {
 public:
  /// `busy_timeout_ms`: how long a writer waits for its turn (tests shorten it).
  Database(const DbUrl& url, size_t pool_size, int busy_timeout_ms = kBusyTimeoutMs);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const { return url_.dialect; }
  const DbUrl& url() const { return url_; }
  soci::connection_pool& pool() { return *pool_; }

  /// Applies pending migrations. Throws std::runtime_error when the database is newer than this binary.
  void migrate();
  /// Highest migration recorded in the database (0 when none).
  int schema_version();
  /// Highest migration this binary carries.
  static int code_version();

  /// Runs f(session) inside one write transaction; commits when f returns, rolls back when it throws.
  template <class F>
  auto write(F&& f) {
    auto turn = queue_writer();
    WriteSession session(*this);
    soci::session& sql = session.get();
    try {
      begin_write(sql);
      if constexpr (std::is_void_v<decltype(f(sql))>) {
        f(sql);
        sql << "COMMIT";
      } else {
        auto result = f(sql);
        sql << "COMMIT";
        return result;
      }
    } catch (...) {
      rollback(sql);
      rethrow_translated();
    }
  }

  /// Runs f(session) in a write transaction that commits only when f returns true (false: roll back, e.g. a
  /// dry run or an all-or-nothing import with rejected rows). Returns whether it committed.
  template <class F>
  bool write_if(F&& f) {
    auto turn = queue_writer();
    WriteSession session(*this);
    soci::session& sql = session.get();
    try {
      begin_write(sql);
      if (f(sql)) {
        sql << "COMMIT";
        return true;
      }
      rollback(sql);
      return false;
    } catch (...) {
      rollback(sql);
      rethrow_translated();
    }
  }

  /// Runs f(session) for reads; a consistent snapshot for the duration.
  template <class F>
  auto read(F&& f) {
    soci::session sql(*pool_);
    try {
      sql << "BEGIN";
      if constexpr (std::is_void_v<decltype(f(sql))>) {
        f(sql);
        sql << "COMMIT";
      } else {
        auto result = f(sql);
        sql << "COMMIT";
        return result;
      }
    } catch (...) {
      rollback(sql);
      rethrow_translated();
    }
  }

 private:
  /// SQLite has one writer at a time: writers of this process wait their turn here, in order, instead of in
  /// SQLite's busy handler, which sleeps in steps of milliseconds. Empty for PostgreSQL. Throws Unavailable
  /// "store.busy" after the busy timeout (a long import holds the turn).
  std::unique_lock<std::timed_mutex> queue_writer();
  /// The session a write runs on. SQLite: one connection kept for writes, so its page cache stays valid from one
  /// write to the next (a connection's cache is dropped whenever another connection has written). PostgreSQL: a
  /// session from the pool.
  class WriteSession {
   public:
    explicit WriteSession(Database& db);
    soci::session& get() { return leased_ ? *leased_ : *db_.writer_session_; }

   private:
    Database& db_;
    std::optional<soci::session> leased_;
  };
  void begin_write(soci::session& sql);
  static void rollback(soci::session& sql) noexcept;
  /// Rethrows the exception in flight; a store that stayed busy past busy_timeout (another writer, e.g. a long
  /// import, holds the lock) becomes waihu::Unavailable "store.busy", which clients may retry.
  [[noreturn]] static void rethrow_translated();
  void open_session(soci::session& s);
  DbUrl url_;
  std::unique_ptr<soci::connection_pool> pool_;
  size_t size_;
  int busy_timeout_ms_;
  std::timed_mutex writer_;
  std::unique_ptr<soci::session> writer_session_;  ///< SQLite only
};

/// While alive, gives `sql` a page cache sized for writing millions of rows in one transaction (SQLite keeps
/// its default 2 MB otherwise and spills to disk constantly); restores the default after. No-op on PostgreSQL.
class BulkWriteTuning {
 public:
  BulkWriteTuning(soci::session& sql, Dialect dialect);
  ~BulkWriteTuning();
  BulkWriteTuning(const BulkWriteTuning&) = delete;
  BulkWriteTuning& operator=(const BulkWriteTuning&) = delete;

 private:
  soci::session& sql_;
  bool active_;
  long long cache_size_before_ = -2000;
};

}  // namespace waihu::db
