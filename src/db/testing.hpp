#pragma once
// For tests: a fresh migrated SQLite database in a temporary file, removed afterwards.
#include <filesystem>
#include <random>
#include <string>

#include "db/database.hpp"

namespace waihu::db {

struct TempDatabase {
  std::filesystem::path dir;
  std::unique_ptr<Database> db;
  explicit TempDatabase(int busy_timeout_ms = kBusyTimeoutMs) {
    std::random_device rd;
    dir = std::filesystem::temp_directory_path() / ("waihu-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    db = std::make_unique<Database>(parse_db_url("", dir.string()), 2, busy_timeout_ms);
    db->migrate();
  }
  ~TempDatabase() {
    db.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  Database& operator*() { return *db; }
};

}  // namespace waihu::db
