#include "db/sqlite_statements.hpp"

#include <mutex>
#include <unordered_map>

namespace waihu::db::sqlite {

struct KeptStatement {
  sqlite_api::sqlite3_stmt* stmt = nullptr;
  bool in_use = false;
};

namespace {

// Connection → its kept statements by text. One lock for all: it is held for a lookup, never while SQLite works.
std::mutex registry_mutex;
std::unordered_map<Handle*, std::unordered_map<std::string, KeptStatement>> registry;

[[noreturn]] void fail(Handle* db, int rc) { throw soci::sqlite3_soci_error(sqlite_api::sqlite3_errmsg(db), rc); }

}  // namespace

Handle* handle(soci::session& sql) { return static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_; }

bool is_sqlite(soci::session& sql) { return sql.get_backend_name() == "sqlite3"; }

void adopt(Handle* db) {
  std::lock_guard lock(registry_mutex);
  registry[db];
}

void release(Handle* db) {
  std::lock_guard lock(registry_mutex);
  auto it = registry.find(db);
  if (it == registry.end()) return;
  for (auto& [text, kept] : it->second) sqlite_api::sqlite3_finalize(kept.stmt);
  registry.erase(it);
}

Statement::Statement(Handle* db, const std::string& text) : db_(db) {
  bool keep = false;
  {
    std::lock_guard lock(registry_mutex);
    auto conn = registry.find(db);
    if (conn != registry.end()) {
      auto& kept = conn->second;
      if (auto it = kept.find(text); it != kept.end()) {
        if (!it->second.in_use) {
          it->second.in_use = true;
          stmt_ = it->second.stmt;
          kept_ = &it->second;
          return;
        }
        // In use further up this connection's stack: this use gets a statement of its own.
      } else {
        keep = true;
        // Full: make room by dropping one that is idle (texts built per request, e.g. IN lists, come and go).
        if (kept.size() >= kKeptPerConnection) {
          for (auto idle = kept.begin(); idle != kept.end(); ++idle) {
            if (!idle->second.in_use) {
              sqlite_api::sqlite3_finalize(idle->second.stmt);
              kept.erase(idle);
              break;
            }
          }
          keep = kept.size() < kKeptPerConnection;
        }
      }
    }
  }
  int rc = sqlite_api::sqlite3_prepare_v2(db, text.c_str(), static_cast<int>(text.size() + 1), &stmt_, nullptr);
  if (rc != SQLITE_OK) {
    sqlite_api::sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    fail(db, rc);
  }
  if (keep) {
    std::lock_guard lock(registry_mutex);
    auto conn = registry.find(db);
    if (conn != registry.end()) {
      auto [it, added] = conn->second.emplace(text, KeptStatement{stmt_, true});
      if (added) kept_ = &it->second;
    }
  }
}

Statement::~Statement() {
  if (!stmt_) return;
  if (!kept_) {
    sqlite_api::sqlite3_finalize(stmt_);
    return;
  }
  sqlite_api::sqlite3_reset(stmt_);
  sqlite_api::sqlite3_clear_bindings(stmt_);
  std::lock_guard lock(registry_mutex);
  kept_->in_use = false;  // an entry in use is never dropped (nor its connection released)
}

void Statement::check(int rc) const {
  if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) fail(db_, rc);
}

void Statement::run() {
  int rc;
  while ((rc = sqlite_api::sqlite3_step(stmt_)) == SQLITE_ROW) {
  }
  check(rc);
}

}  // namespace waihu::db::sqlite
