#include "discipline/store.hpp"

#include "db/query.hpp"

namespace waihu::discipline::store {

namespace {
const char* kAttendanceColumns =
    "user_id, day, clock_in_at, clock_out_at, outcome, late_minutes, early_minutes, policy_version";
AttendanceRow attendance_from(const db::Row& r) {
  return {
      r.i64(0),    *calendar::LocalDate::parse(r.str(1)), r.opt_i64(2), r.opt_i64(3), r.opt_str(4), r.i64(5), r.i64(6),
      r.opt_i64(7)};
}
const char* kEntryColumns =
    "id, user_id, day, item, points, fine_fen, fund_fen, base_days_milli, rule, policy_version, evidence, source, "
    "entered_by, created_at";
EntryRow entry_from(const db::Row& r) {
  EntryRow e;
  e.id = r.i64(0);
  e.user_id = r.i64(1);
  e.day = *calendar::LocalDate::parse(r.str(2));
  e.entry = {r.str(3), r.i64(4), r.i64(5), r.i64(7), r.str(8), r.str(10)};
  e.fund_fen = r.i64(6);
  e.policy_version = r.i64(9);
  e.source = r.str(11);
  e.entered_by = r.opt_i64(12);
  e.created_at = r.i64(13);
  return e;
}
}  // namespace

void clock(soci::session& sql, long long user_id, const calendar::LocalDate& day, long long at, bool in) {
  db::Query q;
  const char* column = in ? "clock_in_at" : "clock_out_at";
  q << "INSERT INTO attendance_days (user_id, day, " << column << ") VALUES (" << q.bind(user_id) << ", "
    << q.bind(day.str()) << ", " << q.bind(at) << ") ON CONFLICT (user_id, day) DO UPDATE SET " << column << " = ";
  // The first clock-in stays; the last clock-out counts.
  if (in)
    q << "COALESCE(attendance_days.clock_in_at, excluded.clock_in_at)";
  else
    q << "excluded.clock_out_at";
  q.exec(sql);
}

std::optional<AttendanceRow> attendance(soci::session& sql, long long user_id, const calendar::LocalDate& day) {
  db::Query q;
  q << "SELECT " << kAttendanceColumns << " FROM attendance_days WHERE user_id = " << q.bind(user_id)
    << " AND day = " << q.bind(day.str());
  auto r = q.fetch_one(sql, 8);
  if (!r) return std::nullopt;
  return attendance_from(*r);
}

std::vector<AttendanceRow> attendance_of_day(soci::session& sql, const calendar::LocalDate& day,
                                             const std::vector<long long>& users) {
  db::Query q;
  q << "SELECT " << kAttendanceColumns << " FROM attendance_days WHERE day = " << q.bind(day.str());
  if (!users.empty()) q << " AND user_id IN (" << q.bind_list(users) << ")";
  q << " ORDER BY user_id";
  std::vector<AttendanceRow> out;
  for (const auto& r : q.fetch(sql, 8)) out.push_back(attendance_from(r));
  return out;
}

void set_judgement(soci::session& sql, long long user_id, const calendar::LocalDate& day, const AttendanceJudgement& j,
                   long long policy_version) {
  db::Query q;
  q << "INSERT INTO attendance_days (user_id, day, outcome, late_minutes, early_minutes, policy_version) VALUES ("
    << q.bind(user_id) << ", " << q.bind(day.str()) << ", " << q.bind(j.outcome) << ", " << q.bind(j.late_minutes)
    << ", " << q.bind(j.early_minutes) << ", " << q.bind(policy_version)
    << ") ON CONFLICT (user_id, day) DO UPDATE SET outcome = excluded.outcome, late_minutes = excluded.late_minutes, "
       "early_minutes = excluded.early_minutes, policy_version = excluded.policy_version";
  q.exec(sql);
}

void put_quota_day(soci::session& sql, long long user_id, const calendar::LocalDate& day,
                   const std::vector<quota::QuotaResult>& results, bool new_hire, long long policy_version) {
  for (size_t i = 0; i < results.size(); ++i) {
    const quota::QuotaResult& r = results[i];
    db::Query q;
    q << "INSERT INTO quota_days (user_id, day, metric, position, target, actual, short_by, fine_fen, new_hire, "
         "policy_version) VALUES ("
      << q.bind(user_id) << ", " << q.bind(day.str()) << ", " << q.bind(r.metric) << ", "
      << q.bind(static_cast<long long>(i)) << ", " << q.bind(r.target) << ", " << q.bind(r.actual) << ", "
      << q.bind(r.short_by) << ", " << q.bind(r.fine_fen) << ", " << q.bind(new_hire ? 1LL : 0LL) << ", "
      << q.bind(policy_version) << ")";
    q.exec(sql);
  }
}

std::vector<QuotaDayRow> quota_days(soci::session& sql, const calendar::LocalDate& day,
                                    const std::vector<long long>& users) {
  db::Query q;
  q << "SELECT user_id, metric, target, actual, short_by, fine_fen, new_hire, policy_version FROM quota_days "
       "WHERE day = "
    << q.bind(day.str());
  if (!users.empty()) q << " AND user_id IN (" << q.bind_list(users) << ")";
  q << " ORDER BY user_id, position";
  std::vector<QuotaDayRow> out;
  for (const auto& r : q.fetch(sql, 8))
    out.push_back({r.i64(0), {r.str(1), r.i64(2), r.i64(3), r.i64(4), r.i64(5)}, r.i64(6) != 0, r.i64(7)});
  return out;
}

bool add_entry(soci::session& sql, const EntryRow& e, const std::optional<std::string>& close_key) {
  db::Query q;
  q << "INSERT INTO discipline_entries (user_id, day, item, points, fine_fen, fund_fen, base_days_milli, rule, "
       "policy_version, evidence, source, entered_by, created_at, close_key) VALUES ("
    << q.bind(e.user_id) << ", " << q.bind(e.day.str()) << ", " << q.bind(e.entry.item) << ", "
    << q.bind(e.entry.points) << ", " << q.bind(e.entry.fine_fen) << ", " << q.bind(e.fund_fen) << ", "
    << q.bind(e.entry.base_days_milli) << ", " << q.bind(e.entry.rule) << ", " << q.bind(e.policy_version) << ", "
    << q.bind(e.entry.evidence) << ", " << q.bind(e.source) << ", " << (e.entered_by ? q.bind(*e.entered_by) : "NULL")
    << ", " << q.bind(e.created_at) << ", " << (close_key ? q.bind(*close_key) : "NULL") << ") ON CONFLICT DO NOTHING";
  return q.exec_count(sql) > 0;
}

std::vector<EntryRow> entries(soci::session& sql, const EntryFilter& f,
                              const std::optional<std::pair<std::string, long long>>& after, int limit) {
  db::Query q;
  q << "SELECT " << kEntryColumns << " FROM discipline_entries WHERE day >= " << q.bind(f.from.str())
    << " AND day <= " << q.bind(f.to.str());
  if (!f.users.empty()) q << " AND user_id IN (" << q.bind_list(f.users) << ")";
  if (after) {
    const std::string day = q.bind(after->first);
    q << " AND (day < " << day << " OR (day = " << day << " AND id > " << q.bind(after->second) << "))";
  }
  q << " ORDER BY day DESC, id LIMIT " << std::to_string(limit);
  std::vector<EntryRow> out;
  for (const auto& r : q.fetch(sql, 14)) out.push_back(entry_from(r));
  return out;
}

std::pair<long long, long long> totals(soci::session& sql, const EntryFilter& f) {
  db::Query q;
  q << "SELECT COALESCE(SUM(points), 0), COALESCE(SUM(fine_fen), 0) FROM discipline_entries WHERE day >= "
    << q.bind(f.from.str()) << " AND day <= " << q.bind(f.to.str());
  if (!f.users.empty()) q << " AND user_id IN (" << q.bind_list(f.users) << ")";
  auto r = q.fetch_one(sql, 2);
  return {r->i64(0), r->i64(1)};
}

bool is_closed(soci::session& sql, const std::string& kind, const std::string& period) {
  db::Query q;
  q << "SELECT 1 FROM closed_periods WHERE kind = " << q.bind(kind) << " AND period = " << q.bind(period);
  return q.fetch_one(sql, 1).has_value();
}

void mark_closed(soci::session& sql, const std::string& kind, const std::string& period, long long at,
                 std::optional<long long> by, const std::string& summary) {
  db::Query q;
  q << "INSERT INTO closed_periods (kind, period, closed_at, closed_by, summary) VALUES (" << q.bind(kind) << ", "
    << q.bind(period) << ", " << q.bind(at) << ", " << (by ? q.bind(*by) : "NULL") << ", " << q.bind(summary) << ")";
  q.exec(sql);
}

std::optional<std::string> last_closed(soci::session& sql, const std::string& kind) {
  db::Query q;
  q << "SELECT MAX(period) FROM closed_periods WHERE kind = " << q.bind(kind);
  auto r = q.fetch_one(sql, 1);
  if (!r || r->is_null(0)) return std::nullopt;
  return r->str(0);
}

}  // namespace waihu::discipline::store
