#pragma once
// The discipline tables (migration 013): clock records and their judgement, closed days' quota results, the ledger
// of fines and points, and the closed periods.
#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "db/database.hpp"
#include "discipline/attendance_model.hpp"
#include "discipline/points_model.hpp"
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
/// A closed day's judgements at once: each row replaces the person's row of the day (its clock times carried in
/// `rows`); rows travel in batches on PostgreSQL.
void put_judgements(soci::session& sql, db::Dialect dialect, const calendar::LocalDate& day,
                    const std::vector<AttendanceRow>& rows);

struct QuotaDayRow {
  long long user_id = 0;
  quota::QuotaResult result;
  bool new_hire = false;
  long long policy_version = 0;
};
/// A closed day's quota results of everyone at once (batched on PostgreSQL).
void put_quota_days(soci::session& sql, db::Dialect dialect, const calendar::LocalDate& day,
                    const std::vector<QuotaDayRow>& rows);
std::vector<QuotaDayRow> quota_days(soci::session& sql, const calendar::LocalDate& day,
                                    const std::vector<long long>& users);

/// An objection to an entry (one per entry, by the person it is about).
struct Objection {
  long long entry_id = 0, user_id = 0;
  std::string reason;
  long long created_at = 0;
  std::optional<std::string> decision;  ///< "upheld" (the entry stands) or "withdrawn" (a correction undoes it)
  std::string note;
  std::optional<long long> decided_by, decided_at;
};

struct EntryRow {
  long long id = 0, user_id = 0;
  calendar::LocalDate day;
  Entry entry;
  long long fund_fen = 0, bonus_fen = 0, policy_version = 0;
  std::string source;  ///< "close" (a closing run), "manual" (a person, with a reason) or "objection"
  std::string reason;
  std::optional<long long> entered_by, corrects;
  long long created_at = 0;
  std::optional<Objection> objection;  ///< filled by entries() and entry()
};
/// Adds an entry and returns its id; with a close_key, only once (nullopt when it was there already).
std::optional<long long> add_entry(soci::session& sql, const EntryRow& e, const std::optional<std::string>& close_key);
std::optional<EntryRow> entry(soci::session& sql, long long id);
/// A closing run's entries at once, each with its close_key (batched on PostgreSQL; the run's transaction and its
/// closed_periods row keep a period from being written twice).
void add_entries(soci::session& sql, db::Dialect dialect, const std::vector<std::pair<EntryRow, std::string>>& rows);
struct EntryFilter {
  std::vector<long long> users;  ///< empty: everyone
  calendar::LocalDate from, to;  ///< days, inclusive
};
/// Newest day first, then id; keyset after (day, id).
std::vector<EntryRow> entries(soci::session& sql, const EntryFilter& f,
                              const std::optional<std::pair<std::string, long long>>& after, int limit);

struct Totals {
  long long points = 0, fines_fen = 0, bonus_fen = 0;
};
/// The sums over the filter's entries.
Totals totals(soci::session& sql, const EntryFilter& f);
/// Each person's points over the filter's entries (people without entries are absent).
std::map<long long, long long> points_by_user(soci::session& sql, const EntryFilter& f);

void add_objection(soci::session& sql, const Objection& o);
/// Sets the decision of an undecided objection; false when it was decided already.
bool decide_objection(soci::session& sql, long long entry_id, const std::string& decision, const std::string& note,
                      long long by, long long at);
struct ObjectionRow {
  Objection objection;
  EntryRow entry;
};
/// Objections of the people listed (empty: everyone), open ones (decision NULL) or decided ones; oldest first for
/// open ones, newest first for decided; keyset after the entry id.
std::vector<ObjectionRow> objections(soci::session& sql, const std::vector<long long>& users, bool open,
                                     std::optional<long long> after, int limit);

struct DismissalCase {
  long long id = 0, user_id = 0;
  calendar::LocalDate day;
  std::string item, reason, evidence;
  long long policy_version = 0, raised_by = 0, created_at = 0;
  std::optional<std::string> decision;  ///< "dismissed" or "not_dismissed"
  std::string note;
  std::optional<long long> decided_by, decided_at;
};
long long add_case(soci::session& sql, const DismissalCase& c);
std::optional<DismissalCase> dismissal_case(soci::session& sql, long long id);
bool decide_case(soci::session& sql, long long id, const std::string& decision, const std::string& note, long long by,
                 long long at);
/// Cases of the people listed (empty: everyone), open or decided, by id (open: oldest first; decided: newest).
std::vector<DismissalCase> cases(soci::session& sql, const std::vector<long long>& users, bool open,
                                 std::optional<long long> after, int limit);

/// A closed month's points for a person.
struct PointsMonthRow {
  long long user_id = 0;
  std::string month;
  MonthEnd end;
  long long policy_version = 0;
};
void put_points_month(soci::session& sql, const PointsMonthRow& r);
std::vector<PointsMonthRow> points_months(soci::session& sql, const std::string& month,
                                          const std::vector<long long>& users);

bool is_closed(soci::session& sql, const std::string& kind, const std::string& period);
void mark_closed(soci::session& sql, const std::string& kind, const std::string& period, long long at,
                 std::optional<long long> by, const std::string& summary);
/// The latest closed period of a kind ("2026-11-30"), if any.
std::optional<std::string> last_closed(soci::session& sql, const std::string& kind);
/// The earliest closed period of a kind (for days: where the server started evaluating), if any.
std::optional<std::string> first_closed(soci::session& sql, const std::string& kind);

}  // namespace waihu::discipline::store
