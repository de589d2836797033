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
/// The records of `kind` that the month's `code` lines name in their sources (what its close marks paid).
std::vector<long long> sourced_ids(soci::session& sql, const std::string& month, const std::string& code,
                                   const std::string& kind);

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
  long long held_over_fen = 0;    ///< what the cap held back, carried into the next month run
  std::string status_next_month;  ///< probation | regular | eliminated ("" before migration 025)
  std::string status_why;
  std::vector<StoredLine> lines;  ///< filled by `statement` only
};

/// Replaces the month's statements with these (a draft's recomputation), lines included.
void replace_statements(soci::session& sql, db::Dialect dialect, const std::string& month,
                        const std::vector<StatementRow>& rows);
/// A month's statements of the users listed (all when `users` is empty), by id after `after_id`.
std::vector<StatementRow> statements(soci::session& sql, const std::string& month, const std::vector<long long>& users,
                                     bool all_users, long long after_id, int limit);
std::optional<StatementRow> statement(soci::session& sql, long long id);
/// Every statement of a month with its lines (two queries).
std::vector<StatementRow> month_statements(soci::session& sql, const std::string& month);

/// Each person's lines of a month's statements that paid on deals (commission, proxy, product), for clawbacks.
std::map<long long, std::vector<PaidLine>> paid_lines(soci::session& sql, const std::string& month);

/// What an earlier month's cap held back, per person: their latest statement before `month`, where it held any.
struct Balance {
  long long fen = 0, statement_id = 0;
  std::string month;
};
std::map<long long, Balance> balances_before(soci::session& sql, const std::string& month);

struct WageRow {
  long long id = 0;
  std::string city;
  long long amount_fen = 0;
  std::string from_month, note;
  long long set_by = 0, set_at = 0;
};
void add_wage(soci::session& sql, const WageRow& w);
/// Every row, by city then from_month then id (the last row of a city not after a month is its wage).
std::vector<WageRow> wages(soci::session& sql);

struct TeamCity {
  long long team_id = 0;
  std::string city;
};
void set_team_city(soci::session& sql, long long team_id, const std::string& city, long long by, long long at);
std::map<long long, std::string> team_cities(soci::session& sql);

struct ExceptionRow {
  long long id = 0, user_id = 0;
  std::string month, reason;
  long long granted_by = 0, granted_at = 0;
};
/// False when the person has one for the month already.
bool add_exception(soci::session& sql, const ExceptionRow& e);
std::optional<ExceptionRow> exception_for(soci::session& sql, long long user_id, const std::string& month);
/// Every exception granted for a month up to `month`.
std::vector<ExceptionRow> exceptions_through(soci::session& sql, const std::string& month);

}  // namespace waihu::pay::store
