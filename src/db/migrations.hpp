#pragma once
// Numbered migrations (migrations/NNN_what.sql, compiled into the binary), applied in order and recorded in
// schema_migrations. Portable SQL with a few placeholders the dialect fills in: {{id}} for an identity primary key,
// {{keyset_id}} for the id tail of an index that serves keyset paging.
#include <soci/soci.h>

#include <string>
#include <vector>

#include "db/database.hpp"

namespace waihu::db {

int latest_migration_version();
void ensure_migrations_table(soci::session& sql);
int recorded_version(soci::session& sql);
/// Applies every migration newer than the recorded version, each in its own transaction.
/// Throws std::runtime_error if the database records a version this binary does not know.
void apply_migrations(soci::session& sql, Dialect dialect);
/// The tables the migrations create, in creation order (schema_migrations aside): an order in which every row's
/// references are written before it.
std::vector<std::string> migrated_tables();
/// Replaces the dialect placeholders in a migration's text.
std::string dialect_sql(std::string text, Dialect dialect);

}  // namespace waihu::db
