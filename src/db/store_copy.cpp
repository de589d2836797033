#include "db/store_copy.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include "db/migrations.hpp"
#include "db/query.hpp"
#include "db/row_inserter.hpp"

namespace waihu::db {

namespace {
constexpr long long kPage = 5000;

std::vector<std::string> table_columns(soci::session& sql, Dialect dialect, const std::string& table) {
  Query q;
  if (dialect == Dialect::kSqlite) {
    q << "SELECT name FROM pragma_table_info(" << q.bind(table) << ") ORDER BY cid";
  } else {
    q << "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = "
      << q.bind(table) << " ORDER BY ordinal_position";
  }
  std::vector<std::string> out;
  for (const auto& r : q.fetch(sql, 1)) out.push_back(r.str(0));
  if (out.empty()) throw std::runtime_error("table " + table + " is missing");
  return out;
}

std::string column_list(const std::vector<std::string>& columns) {
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + c;
  return out;
}

/// Calls f(row) for every row of the table, a page at a time (by id where the table has one, so memory stays flat).
template <class F>
void each_row(soci::session& sql, const std::string& table, const std::vector<std::string>& columns, F&& f) {
  const bool has_id = std::find(columns.begin(), columns.end(), "id") != columns.end();
  if (!has_id) {
    Query q;
    q << "SELECT " << column_list(columns) << " FROM " << table;
    for (const auto& r : q.fetch(sql, columns.size())) f(r);
    return;
  }
  const size_t id_column = std::find(columns.begin(), columns.end(), "id") - columns.begin();
  long long after = std::numeric_limits<long long>::min();
  for (;;) {
    Query q;
    q << "SELECT " << column_list(columns) << " FROM " << table << " WHERE id > " << q.bind(after)
      << " ORDER BY id LIMIT " << std::to_string(kPage);
    auto rows = q.fetch(sql, columns.size());
    for (const auto& r : rows) f(r);
    if (static_cast<long long>(rows.size()) < kPage) return;
    after = rows.back().i64(id_column);
  }
}

// FNV-1a, 64 bits: defined here, so both sides of a copy hash alike whatever the library.
uint64_t fnv1a(uint64_t h, std::string_view bytes) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

uint64_t row_hash(const Row& r, size_t columns) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < columns; ++i) {
    h = fnv1a(h, r.is_null(i) ? std::string_view("\x01", 1) : std::string_view("\x02", 1));
    if (!r.is_null(i)) h = fnv1a(h, r.str(i));
    h = fnv1a(h, "\x1f");
  }
  return h;
}

TableSum sum_of(soci::session& sql, Dialect dialect, const std::string& table) {
  auto columns = table_columns(sql, dialect, table);
  TableSum out;
  uint64_t total = 0;
  each_row(sql, table, columns, [&](const Row& r) {
    ++out.rows;
    total += row_hash(r, columns.size());
  });
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(total));
  out.checksum = hex;
  return out;
}

long long row_count(soci::session& sql, const std::string& table) {
  Query q("SELECT COUNT(*) FROM " + table);
  return q.scalar(sql).value_or(0);
}
}  // namespace

TableSum table_sum(Database& db, const std::string& table) {
  return db.read([&](soci::session& sql) { return sum_of(sql, db.dialect(), table); });
}

std::vector<TableCopy> copy_store(Database& from, Database& to, const StoreCopyOptions& options) {
  if (from.schema_version() != Database::code_version()) {
    throw std::runtime_error("the source " + from.url().display + " is at schema version " +
                             std::to_string(from.schema_version()) + ", this waihu at " +
                             std::to_string(Database::code_version()) + ": run `waihu serve` on it once (or the " +
                             "waihu it belongs to) so it is current, then copy");
  }
  to.migrate();
  const auto tables = migrated_tables();
  to.write_if([&](soci::session& target) {
    if (!options.overwrite) {
      for (const auto& t : tables) {
        if (long long n = row_count(target, t); n > 0) {
          throw std::runtime_error("the target " + to.url().display + " already holds data (" + std::to_string(n) +
                                   " rows in " + t + "); pass --overwrite to replace it");
        }
      }
    }
    for (auto t = tables.rbegin(); t != tables.rend(); ++t) target << "DELETE FROM " + *t;
    BulkWriteTuning tuning(target, to.dialect());
    from.read([&](soci::session& source) {
      for (const auto& t : tables) {
        auto columns = table_columns(source, from.dialect(), t);
        RowInserter insert(target, to.dialect(), t, columns, {.returns_id = false, .batched = true});
        each_row(source, t, columns, [&](const Row& r) {
          for (size_t i = 0; i < columns.size(); ++i) r.is_null(i) ? insert.null() : insert.text(r.str(i));
          insert.insert();
        });
        insert.flush();  // before the next table, whose rows may refer to these
      }
    });
    if (to.dialect() == Dialect::kPostgres) {
      // Rows came with their ids: the identity sequences continue after the highest.
      for (const auto& t : tables) {
        auto columns = table_columns(target, to.dialect(), t);
        if (std::find(columns.begin(), columns.end(), "id") == columns.end()) continue;
        target << "SELECT setval(pg_get_serial_sequence('" + t +
                      "', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) "
                      "FROM " +
                      t;
      }
    }
    return true;
  });
  std::vector<TableCopy> out;
  for (const auto& t : tables) {
    TableCopy c{t, table_sum(from, t), table_sum(to, t)};
    if (options.on_table) options.on_table(c);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace waihu::db
