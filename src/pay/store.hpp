#pragma once
// Pay's tables (migration 024): team targets with their history, payroll months, statements and their lines.
#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "pay/rules.hpp"

namespace waihu::pay::store {

struct TargetRow {
  long long id = 0, team_id = 0;
  std::string month;
  long long amount_fen = 0;
  std::string note;
  long long set_by = 0, set_at = 0;
};

void add_target(soci::session& sql, const TargetRow& t);
/// Every row entered for the month, oldest first (the last per team is the target).
std::vector<TargetRow> targets(soci::session& sql, const std::string& month);

struct MonthRow {
  std::string month, status;  ///< draft | closed
  long long run_at = 0;
  std::optional<long long> run_by;
  std::string policy_versions;  ///< JSON [{version, from, to}]
  std::optional<long long> closed_at, closed_by;
};

std::optional<MonthRow> month(soci::session& sql, const std::string& month);
void put_month(soci::session& sql, const MonthRow& m);
/// False when it was closed already (or never run). `by` 0: the command line.
bool close_month(soci::session& sql, const std::string& month, long long at, long long by);

struct StoredLine {
  Line line;
  std::string sources;  ///< JSON: {"deals": [ids], "entries": [ids], …}
};

struct StatementRow {
  long long id = 0;
  std::string month;
  long long user_id = 0;
  std::string role;
  long long team_id = 0;
  std::string employment_status;
  long long policy_version = 0, gross_fen = 0, deductions_fen = 0, net_fen = 0, computed_at = 0;
  std::vector<StoredLine> lines;  ///< filled by `statement` only
};

/// Replaces the month's statements with these (a draft's recomputation), lines included.
void replace_statements(soci::session& sql, db::Dialect dialect, const std::string& month,
                        const std::vector<StatementRow>& rows);
/// A month's statements of the users listed (all when `users` is empty), by id after `after_id`.
std::vector<StatementRow> statements(soci::session& sql, const std::string& month, const std::vector<long long>& users,
                                     bool all_users, long long after_id, int limit);
std::optional<StatementRow> statement(soci::session& sql, long long id);

}  // namespace waihu::pay::store
