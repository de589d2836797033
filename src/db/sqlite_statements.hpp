#pragma once
// For db/ only: SQLite statements kept prepared on their connection, keyed by their text. Preparing (parsing and
// planning) was a quarter of the server's CPU while every request prepared its statements afresh.
// Only connections that Database opens and closes keep statements (adopt, then release before the close); on any
// other connection a statement is prepared for one use and finalized after it.
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <string>

namespace waihu::db::sqlite {

using Handle = sqlite_api::sqlite3;

/// The session's SQLite connection. The session must be SQLite's.
Handle* handle(soci::session& sql);
bool is_sqlite(soci::session& sql);

/// From now on the connection keeps the statements it runs, up to kKeptPerConnection.
void adopt(Handle* db);
/// Finalizes what the connection kept; must come before it closes.
void release(Handle* db);
inline constexpr size_t kKeptPerConnection = 256;

struct KeptStatement;

/// One use of a statement: bind, step, read; reset and unbound when it ends.
class Statement {
 public:
  Statement(Handle* db, const std::string& text);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  sqlite_api::sqlite3_stmt* get() const { return stmt_; }
  /// Throws soci::sqlite3_soci_error — what Database translates (a busy store → 503) — unless rc is OK, ROW or
  /// DONE.
  void check(int rc) const;
  /// Steps through every row, then checks.
  void run();

 private:
  Handle* db_;
  sqlite_api::sqlite3_stmt* stmt_ = nullptr;
  KeptStatement* kept_ = nullptr;  ///< the connection's entry for it, when kept
};

}  // namespace waihu::db::sqlite
