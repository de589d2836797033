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
  std::string connect;      ///< what SOCI's backend takes
  std::string display;      ///< for messages, without a password
  std::string sqlite_path;  ///< SQLite: the database file
};

/// "sqlite:PATH", "sqlite://PATH" or "postgresql://…"; empty means `DATA_DIR/waihu.db`.
DbUrl parse_db_url(const std::string& url, const std::string& data_dir);

struct DatabaseOptions {
  size_t pool_size = 4;                  ///< connections kept open (one per handler thread is enough)
  int busy_timeout_ms = kBusyTimeoutMs;  ///< how long a SQLite writer waits for its turn (tests shorten it)
  /// PostgreSQL: a statement running longer is cancelled and its request answered 503 "store.timeout"
  /// (0: no limit). Bulk writes (imports) lift it for their transaction.
  int statement_timeout_ms = 0;
};

/// Thread-safe: each call leases its own session from the pool.
///
/// PostgreSQL runs writers side by side, so a transaction may meet another's row: on a unique violation, a
/// serialization failure or a deadlock, write() runs f again from the start (up to kWriteAttempts times), and a
/// check in f that lost the race now sees the winner's row and answers as it would have (a duplicate, a conflict).
/// So f must touch nothing but the session, or only what it sets again on each run. A session whose connection
/// died (the server restarted) is opened again before its next use; the request that met the failure gets 503
/// "store.unavailable", with nothing of its transaction written.
class Database {
 public:
  static constexpr int kWriteAttempts = 4;
  Database(const DbUrl& url, const DatabaseOptions& options);
  Database(const DbUrl& url, size_t pool_size, int busy_timeout_ms = kBusyTimeoutMs)
      : Database(url, DatabaseOptions{.pool_size = pool_size, .busy_timeout_ms = busy_timeout_ms}) {}
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

  /// Runs f(session) inside one write transaction; commits when f returns, rolls back when it throws. On
  /// PostgreSQL f may run more than once (see above).
  template <class F>
  auto write(F&& f) {
    for (int attempt = 1;; ++attempt) {
      auto turn = queue_writer();
      WriteSession session(*this);
      soci::session& sql = session.get();
      try {
        begin(sql, true);
        return commit_after(sql, f);
      } catch (...) {
        rollback(sql);
        if (attempt < kWriteAttempts && lost_a_race()) continue;
        rethrow_translated();
      }
    }
  }

  /// Runs f(session) in a write transaction that commits only when f returns true (false: roll back, e.g. a
  /// dry run or an all-or-nothing import with rejected rows). Returns whether it committed. Runs f once: an
  /// import that meets a concurrent writer's row fails with 409 "store.conflict" and can be sent again.
  template <class F>
  bool write_if(F&& f) {
    auto turn = queue_writer();
    WriteSession session(*this);
    soci::session& sql = session.get();
    try {
      begin(sql, true);
      if (f(sql)) {
        commit(sql);
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
      begin(sql, false);
      return commit_after(sql, f);
    } catch (...) {
      rollback(sql);
      rethrow_translated();
    }
  }

 private:
  /// Runs f(sql), commits, and returns what f returned.
  template <class F>
  auto commit_after(soci::session& sql, F& f) {
    if constexpr (std::is_void_v<decltype(f(sql))>) {
      f(sql);
      commit(sql);
    } else {
      auto result = f(sql);
      commit(sql);
      return result;
    }
  }
  /// COMMIT — but a PostgreSQL transaction that a statement already failed (e.g. a batch flushed by a destructor)
  /// would quietly roll back on COMMIT: that throws instead.
  void commit(soci::session& sql);
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
  /// BEGIN (SQLite writes: BEGIN IMMEDIATE). A PostgreSQL session whose connection is gone is opened again first;
  /// one that fails on BEGIN itself (the server restarted since the connection was last used) is opened again and
  /// BEGIN retried once, since nothing was done yet.
  void begin(soci::session& sql, bool for_write);
  void reopen(soci::session& sql);
  static void rollback(soci::session& sql) noexcept;
  /// Whether the exception in flight is PostgreSQL telling this transaction it lost a race with another one
  /// (unique violation, serialization failure, deadlock): running it again will see the other's rows.
  static bool lost_a_race() noexcept;
  /// Rethrows the exception in flight as what a client can act on: a store that stayed busy past busy_timeout
  /// (SQLite) → Unavailable "store.busy"; a lost connection or a server shutting down → Unavailable
  /// "store.unavailable"; a statement timeout → Unavailable "store.timeout"; a unique violation that survived the
  /// retries → Conflict "store.conflict". Everything else unchanged.
  [[noreturn]] static void rethrow_translated();
  void open_session(soci::session& s);
  /// SQLite: finalizes what the open connections kept prepared, before they close.
  void release_statements() noexcept;
  DbUrl url_;
  std::unique_ptr<soci::connection_pool> pool_;
  size_t size_;
  int busy_timeout_ms_;
  int statement_timeout_ms_;
  std::timed_mutex writer_;
  std::unique_ptr<soci::session> writer_session_;  ///< SQLite only
};

/// How a store reads a row. A read-modify-write reads the rows it will change with kForUpdate: on PostgreSQL
/// they stay locked until the transaction ends, so another transaction cannot change them in between (SQLite's
/// one writer at a time already holds the whole database).
enum class Lock { kNone, kForUpdate };
/// What to append to such a SELECT: " FOR UPDATE" on PostgreSQL for kForUpdate, otherwise "".
const char* lock_clause(soci::session& sql, Lock lock);

/// While alive, gives `sql` a page cache sized for writing millions of rows in one transaction (SQLite keeps
/// its default 2 MB otherwise and spills to disk constantly); restores the default after. On PostgreSQL it lifts
/// the statement timeout for the rest of the transaction: an import's set-based statements may run for minutes.
class BulkWriteTuning {
 public:
  BulkWriteTuning(soci::session& sql, Dialect dialect);
  ~BulkWriteTuning();
  BulkWriteTuning(const BulkWriteTuning&) = delete;
  BulkWriteTuning& operator=(const BulkWriteTuning&) = delete;

 private:
  soci::session& sql_;
  Dialect dialect_;
  long long cache_size_before_ = -2000;
};

}  // namespace waihu::db
