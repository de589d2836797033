#include "discipline/store.hpp"

#include "db/query.hpp"
#include "db/row_inserter.hpp"

namespace waihu::discipline::store {

namespace {
const char* kAttendanceColumns =
    "user_id, day, clock_in_at, clock_out_at, outcome, late_minutes, early_minutes, policy_version";
AttendanceRow attendance_from(const db::Row& r) {
  return {
      r.i64(0),    *calendar::LocalDate::parse(r.str(1)), r.opt_i64(2), r.opt_i64(3), r.opt_str(4), r.i64(5), r.i64(6),
      r.opt_i64(7)};
}
// An entry with its objection, if any (e.*: 17 columns, o.*: 8).
const char* kEntryColumns =
    "e.id, e.user_id, e.day, e.item, e.points, e.fine_fen, e.fund_fen, e.base_days_milli, e.rule, e.policy_version, "
    "e.evidence, e.source, e.entered_by, e.created_at, e.bonus_fen, e.reason, e.corrects, o.entry_id, o.user_id, "
    "o.reason, o.created_at, o.decision, o.note, o.decided_by, o.decided_at";
const char* kEntryFrom = " FROM discipline_entries e LEFT JOIN discipline_objections o ON o.entry_id = e.id";
constexpr size_t kEntryWidth = 25;
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
  e.bonus_fen = r.i64(14);
  e.reason = r.str(15);
  e.corrects = r.opt_i64(16);
  if (!r.is_null(17))
    e.objection =
        Objection{r.i64(17), r.i64(18), r.str(19), r.i64(20), r.opt_str(21), r.str(22), r.opt_i64(23), r.opt_i64(24)};
  return e;
}
const char* kCaseColumns =
    "id, user_id, day, item, reason, evidence, policy_version, raised_by, created_at, decision, note, decided_by, "
    "decided_at";
DismissalCase case_from(const db::Row& r) {
  return {r.i64(0),     r.i64(1),  *calendar::LocalDate::parse(r.str(2)),
          r.str(3),     r.str(4),  r.str(5),
          r.i64(6),     r.i64(7),  r.i64(8),
          r.opt_str(9), r.str(10), r.opt_i64(11),
          r.opt_i64(12)};
}
std::string opt_bind(db::Query& q, const std::optional<long long>& v) { return v ? q.bind(*v) : "NULL"; }
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

void put_judgements(soci::session& sql, db::Dialect dialect, const calendar::LocalDate& day,
                    const std::vector<AttendanceRow>& rows) {
  const std::string d = day.str();
  for (size_t from = 0; from < rows.size(); from += 1000) {
    std::vector<long long> ids;
    for (size_t i = from; i < std::min(rows.size(), from + 1000); ++i) ids.push_back(rows[i].user_id);
    db::Query q;
    q << "DELETE FROM attendance_days WHERE day = " << q.bind(d) << " AND user_id IN (" << q.bind_list(ids) << ")";
    q.exec(sql);
  }
  db::RowInserter in(
      sql, dialect, "attendance_days",
      {"user_id", "day", "clock_in_at", "clock_out_at", "outcome", "late_minutes", "early_minutes", "policy_version"},
      {.returns_id = false, .batched = true});
  for (const auto& r : rows) {
    in.integer(r.user_id).text(d);
    r.clock_in_at ? in.integer(*r.clock_in_at) : in.null();
    r.clock_out_at ? in.integer(*r.clock_out_at) : in.null();
    r.outcome ? in.text(*r.outcome) : in.null();
    in.integer(r.late_minutes).integer(r.early_minutes);
    r.policy_version ? in.integer(*r.policy_version) : in.null();
    in.insert();
  }
  in.flush();
}

void put_quota_days(soci::session& sql, db::Dialect dialect, const calendar::LocalDate& day,
                    const std::vector<QuotaDayRow>& rows) {
  const std::string d = day.str();
  db::RowInserter in(sql, dialect, "quota_days",
                     {"user_id", "day", "metric", "position", "target", "actual", "short_by", "fine_fen", "new_hire",
                      "policy_version"},
                     {.returns_id = false, .batched = true});
  long long position = 0, last_user = -1;
  for (const auto& r : rows) {
    position = r.user_id == last_user ? position + 1 : 0;
    last_user = r.user_id;
    in.integer(r.user_id).text(d).text(r.result.metric).integer(position).integer(r.result.target);
    in.integer(r.result.actual).integer(r.result.short_by).integer(r.result.fine_fen).integer(r.new_hire ? 1 : 0);
    in.integer(r.policy_version);
    in.insert();
  }
  in.flush();
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

std::optional<long long> add_entry(soci::session& sql, const EntryRow& e, const std::optional<std::string>& close_key) {
  db::Query q;
  q << "INSERT INTO discipline_entries (user_id, day, item, points, fine_fen, fund_fen, base_days_milli, rule, "
       "policy_version, evidence, source, entered_by, created_at, close_key, bonus_fen, reason, corrects) VALUES ("
    << q.bind(e.user_id) << ", " << q.bind(e.day.str()) << ", " << q.bind(e.entry.item) << ", "
    << q.bind(e.entry.points) << ", " << q.bind(e.entry.fine_fen) << ", " << q.bind(e.fund_fen) << ", "
    << q.bind(e.entry.base_days_milli) << ", " << q.bind(e.entry.rule) << ", " << q.bind(e.policy_version) << ", "
    << q.bind(e.entry.evidence) << ", " << q.bind(e.source) << ", " << opt_bind(q, e.entered_by) << ", "
    << q.bind(e.created_at) << ", " << (close_key ? q.bind(*close_key) : "NULL") << ", " << q.bind(e.bonus_fen) << ", "
    << q.bind(e.reason) << ", " << opt_bind(q, e.corrects) << ") ON CONFLICT DO NOTHING RETURNING id";
  return q.scalar(sql);
}

void add_entries(soci::session& sql, db::Dialect dialect, const std::vector<std::pair<EntryRow, std::string>>& rows) {
  db::RowInserter in(sql, dialect, "discipline_entries",
                     {"user_id", "day", "item", "points", "fine_fen", "fund_fen", "base_days_milli", "rule",
                      "policy_version", "evidence", "source", "created_at", "close_key", "bonus_fen", "reason"},
                     {.returns_id = false, .batched = true});
  for (const auto& [e, key] : rows) {
    const std::string day = e.day.str();  // alive until insert() returns
    in.integer(e.user_id).text(day).text(e.entry.item).integer(e.entry.points).integer(e.entry.fine_fen);
    in.integer(e.fund_fen).integer(e.entry.base_days_milli).text(e.entry.rule).integer(e.policy_version);
    in.text(e.entry.evidence).text(e.source).integer(e.created_at).text(key).integer(e.bonus_fen).text(e.reason);
    in.insert();
  }
  in.flush();
}

std::optional<EntryRow> entry(soci::session& sql, long long id) {
  db::Query q;
  q << "SELECT " << kEntryColumns << kEntryFrom << " WHERE e.id = " << q.bind(id);
  auto r = q.fetch_one(sql, kEntryWidth);
  if (!r) return std::nullopt;
  return entry_from(*r);
}

std::vector<EntryRow> entries(soci::session& sql, const EntryFilter& f,
                              const std::optional<std::pair<std::string, long long>>& after, int limit) {
  db::Query q;
  q << "SELECT " << kEntryColumns << kEntryFrom << " WHERE e.day >= " << q.bind(f.from.str())
    << " AND e.day <= " << q.bind(f.to.str());
  if (!f.users.empty()) q << " AND e.user_id IN (" << q.bind_list(f.users) << ")";
  if (after) {
    const std::string day = q.bind(after->first);
    q << " AND (e.day < " << day << " OR (e.day = " << day << " AND e.id > " << q.bind(after->second) << "))";
  }
  q << " ORDER BY e.day DESC, e.id LIMIT " << std::to_string(limit);
  std::vector<EntryRow> out;
  for (const auto& r : q.fetch(sql, kEntryWidth)) out.push_back(entry_from(r));
  return out;
}

namespace {
void where_filter(db::Query& q, const EntryFilter& f) {
  q << " FROM discipline_entries WHERE day >= " << q.bind(f.from.str()) << " AND day <= " << q.bind(f.to.str());
  if (!f.users.empty()) q << " AND user_id IN (" << q.bind_list(f.users) << ")";
}
}  // namespace

Totals totals(soci::session& sql, const EntryFilter& f) {
  db::Query q;
  q << "SELECT COALESCE(SUM(points), 0), COALESCE(SUM(fine_fen), 0), COALESCE(SUM(bonus_fen), 0)";
  where_filter(q, f);
  auto r = q.fetch_one(sql, 3);
  return {r->i64(0), r->i64(1), r->i64(2)};
}

std::map<long long, long long> points_by_user(soci::session& sql, const EntryFilter& f) {
  db::Query q;
  q << "SELECT user_id, SUM(points)";
  where_filter(q, f);
  q << " GROUP BY user_id";
  std::map<long long, long long> out;
  for (const auto& r : q.fetch(sql, 2)) out[r.i64(0)] = r.i64(1);
  return out;
}

void add_objection(soci::session& sql, const Objection& o) {
  db::Query q;
  q << "INSERT INTO discipline_objections (entry_id, user_id, reason, created_at) VALUES (" << q.bind(o.entry_id)
    << ", " << q.bind(o.user_id) << ", " << q.bind(o.reason) << ", " << q.bind(o.created_at) << ")";
  q.exec(sql);
}

bool decide_objection(soci::session& sql, long long entry_id, const std::string& decision, const std::string& note,
                      long long by, long long at) {
  db::Query q;
  q << "UPDATE discipline_objections SET decision = " << q.bind(decision) << ", note = " << q.bind(note)
    << ", decided_by = " << q.bind(by) << ", decided_at = " << q.bind(at) << " WHERE entry_id = " << q.bind(entry_id)
    << " AND decision IS NULL";
  return q.exec_count(sql) > 0;
}

std::vector<ObjectionRow> objections(soci::session& sql, const std::vector<long long>& users, bool open,
                                     std::optional<long long> after, int limit) {
  db::Query q;
  q << "SELECT " << kEntryColumns
    << " FROM discipline_objections o JOIN discipline_entries e ON e.id = o.entry_id WHERE o.decision IS "
    << (open ? "NULL" : "NOT NULL");
  if (!users.empty()) q << " AND o.user_id IN (" << q.bind_list(users) << ")";
  if (after) q << " AND o.entry_id " << (open ? ">" : "<") << " " << q.bind(*after);
  q << " ORDER BY o.entry_id " << (open ? "ASC" : "DESC") << " LIMIT " << std::to_string(limit);
  std::vector<ObjectionRow> out;
  for (const auto& r : q.fetch(sql, kEntryWidth)) {
    EntryRow e = entry_from(r);
    Objection o = *e.objection;
    out.push_back({std::move(o), std::move(e)});
  }
  return out;
}

long long add_case(soci::session& sql, const DismissalCase& c) {
  db::Query q;
  q << "INSERT INTO dismissal_cases (user_id, day, item, reason, evidence, policy_version, raised_by, created_at) "
       "VALUES ("
    << q.bind(c.user_id) << ", " << q.bind(c.day.str()) << ", " << q.bind(c.item) << ", " << q.bind(c.reason) << ", "
    << q.bind(c.evidence) << ", " << q.bind(c.policy_version) << ", " << q.bind(c.raised_by) << ", "
    << q.bind(c.created_at) << ") RETURNING id";
  return *q.scalar(sql);
}

std::optional<DismissalCase> dismissal_case(soci::session& sql, long long id) {
  db::Query q;
  q << "SELECT " << kCaseColumns << " FROM dismissal_cases WHERE id = " << q.bind(id);
  auto r = q.fetch_one(sql, 13);
  if (!r) return std::nullopt;
  return case_from(*r);
}

bool decide_case(soci::session& sql, long long id, const std::string& decision, const std::string& note, long long by,
                 long long at) {
  db::Query q;
  q << "UPDATE dismissal_cases SET decision = " << q.bind(decision) << ", note = " << q.bind(note)
    << ", decided_by = " << q.bind(by) << ", decided_at = " << q.bind(at) << " WHERE id = " << q.bind(id)
    << " AND decision IS NULL";
  return q.exec_count(sql) > 0;
}

std::vector<DismissalCase> cases(soci::session& sql, const std::vector<long long>& users, bool open,
                                 std::optional<long long> after, int limit) {
  db::Query q;
  q << "SELECT " << kCaseColumns << " FROM dismissal_cases WHERE decision IS " << (open ? "NULL" : "NOT NULL");
  if (!users.empty()) q << " AND user_id IN (" << q.bind_list(users) << ")";
  if (after) q << " AND id " << (open ? ">" : "<") << " " << q.bind(*after);
  q << " ORDER BY id " << (open ? "ASC" : "DESC") << " LIMIT " << std::to_string(limit);
  std::vector<DismissalCase> out;
  for (const auto& r : q.fetch(sql, 13)) out.push_back(case_from(r));
  return out;
}

void put_points_month(soci::session& sql, const PointsMonthRow& r) {
  db::Query q;
  q << "INSERT INTO points_months (user_id, month, start_points, end_points, bonus_fen, penalty_fen, policy_version) "
       "VALUES ("
    << q.bind(r.user_id) << ", " << q.bind(r.month) << ", " << q.bind(r.end.start) << ", " << q.bind(r.end.end) << ", "
    << q.bind(r.end.bonus_fen) << ", " << q.bind(r.end.penalty_fen) << ", " << q.bind(r.policy_version) << ")";
  q.exec(sql);
}

std::vector<PointsMonthRow> points_months(soci::session& sql, const std::string& month,
                                          const std::vector<long long>& users) {
  db::Query q;
  q << "SELECT user_id, month, start_points, end_points, bonus_fen, penalty_fen, policy_version FROM points_months "
       "WHERE month = "
    << q.bind(month);
  if (!users.empty()) q << " AND user_id IN (" << q.bind_list(users) << ")";
  q << " ORDER BY user_id";
  std::vector<PointsMonthRow> out;
  for (const auto& r : q.fetch(sql, 7))
    out.push_back({r.i64(0), r.str(1), {r.i64(2), r.i64(3), r.i64(4), r.i64(5)}, r.i64(6)});
  return out;
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

namespace {
std::optional<std::string> extreme_closed(soci::session& sql, const std::string& kind, const char* fn) {
  db::Query q;
  q << "SELECT " << fn << "(period) FROM closed_periods WHERE kind = " << q.bind(kind);
  auto r = q.fetch_one(sql, 1);
  if (!r || r->is_null(0)) return std::nullopt;
  return r->str(0);
}
}  // namespace

std::optional<std::string> last_closed(soci::session& sql, const std::string& kind) {
  return extreme_closed(sql, kind, "MAX");
}
std::optional<std::string> first_closed(soci::session& sql, const std::string& kind) {
  return extreme_closed(sql, kind, "MIN");
}

}  // namespace waihu::discipline::store
