#pragma once
// The discipline tables (migration 013): clock records and their judgement, closed days' quota results, the ledger
// of fines and points, and the closed periods.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "discipline/attendance_model.hpp"
#include "quota/model.hpp"

namespace waihu::discipline::store {

struct AttendanceRow {
  long long user_id = 0;
  calendar::LocalDate day;
  std::optional<long long> clock_in_at, clock_out_at;
  std::optional<std::string> outcome;  ///< set when the day was closed
  long long late_minutes = 0, early_minutes = 0;
  std::optional<long long> policy_version;
};

/// Records a clock-in (the first one of the day stays) or a clock-out (the last one counts).
void clock(soci::session& sql, long long user_id, const calendar::LocalDate& day, long long at, bool in);
std::optional<AttendanceRow> attendance(soci::session& sql, long long user_id, const calendar::LocalDate& day);
/// The rows of a day for some people (empty: everyone).
std::vector<AttendanceRow> attendance_of_day(soci::session& sql, const calendar::LocalDate& day,
                                             const std::vector<long long>& users);
void set_judgement(soci::session& sql, long long user_id, const calendar::LocalDate& day, const AttendanceJudgement& j,
                   long long policy_version);

struct QuotaDayRow {
  long long user_id = 0;
  quota::QuotaResult result;
  bool new_hire = false;
  long long policy_version = 0;
};
void put_quota_day(soci::session& sql, long long user_id, const calendar::LocalDate& day,
                   const std::vector<quota::QuotaResult>& results, bool new_hire, long long policy_version);
std::vector<QuotaDayRow> quota_days(soci::session& sql, const calendar::LocalDate& day,
                                    const std::vector<long long>& users);

struct EntryRow {
  long long id = 0, user_id = 0;
  calendar::LocalDate day;
  Entry entry;
  long long fund_fen = 0, policy_version = 0;
  std::string source;  ///< "close" (a closing run) or "manual"
  std::optional<long long> entered_by;
  long long created_at = 0;
};
/// Adds an entry; with a close_key, only once (false when it was there already).
bool add_entry(soci::session& sql, const EntryRow& e, const std::optional<std::string>& close_key);
struct EntryFilter {
  std::vector<long long> users;  ///< empty: everyone
  calendar::LocalDate from, to;  ///< days, inclusive
};
/// Newest day first, then id; keyset after (day, id).
std::vector<EntryRow> entries(soci::session& sql, const EntryFilter& f,
                              const std::optional<std::pair<std::string, long long>>& after, int limit);

/// The sum of points and fines over the filter's entries.
std::pair<long long, long long> totals(soci::session& sql, const EntryFilter& f);

bool is_closed(soci::session& sql, const std::string& kind, const std::string& period);
void mark_closed(soci::session& sql, const std::string& kind, const std::string& period, long long at,
                 std::optional<long long> by, const std::string& summary);
/// The latest closed period of a kind ("2026-11-30"), if any.
std::optional<std::string> last_closed(soci::session& sql, const std::string& kind);

}  // namespace waihu::discipline::store
