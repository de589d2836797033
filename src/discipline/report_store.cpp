#include "discipline/report_store.hpp"

#include "db/query.hpp"

namespace waihu::discipline::store {

namespace {
const char* kColumns =
    "id, user_id, kind, period, period_from, period_to, team_id, to_user_id, cc_user_id, summary, plan, questions, "
    "figures, due_at, submitted_at, policy_version, reply_state, first_reply_at";
constexpr size_t kWidth = 18;
WorkReport from_row(const db::Row& r) {
  WorkReport w;
  w.id = r.i64(0);
  w.user_id = r.i64(1);
  w.kind = r.str(2);
  w.period = r.str(3);
  w.days = {*calendar::LocalDate::parse(r.str(4)), *calendar::LocalDate::parse(r.str(5))};
  w.team_id = r.i64(6);
  w.to_user_id = r.opt_i64(7);
  w.cc_user_id = r.opt_i64(8);
  w.summary = r.str(9);
  w.plan = r.str(10);
  w.questions = r.str(11);
  w.figures = r.str(12);
  w.due_at = r.i64(13);
  w.submitted_at = r.i64(14);
  w.policy_version = r.i64(15);
  w.reply_state = r.str(16);
  w.first_reply_at = r.opt_i64(17);
  return w;
}
std::string opt(db::Query& q, const std::optional<long long>& v) { return v ? q.bind(*v) : "NULL"; }

const char* kFundColumns = "id, team_id, day, amount_fen, entry_id, reason, entered_by, created_at";
FundRow fund_from(const db::Row& r) {
  return {r.i64(0), r.i64(1), *calendar::LocalDate::parse(r.str(2)), r.i64(3), r.opt_i64(4), r.opt_i64(6),
          r.str(5), r.i64(7)};
}
}  // namespace

std::optional<long long> add_report(soci::session& sql, const WorkReport& r) {
  db::Query q;
  q << "INSERT INTO work_reports (user_id, kind, period, period_from, period_to, team_id, to_user_id, cc_user_id, "
       "summary, plan, questions, figures, due_at, submitted_at, policy_version) VALUES ("
    << q.bind(r.user_id) << ", " << q.bind(r.kind) << ", " << q.bind(r.period) << ", " << q.bind(r.days.from.str())
    << ", " << q.bind(r.days.to.str()) << ", " << q.bind(r.team_id) << ", " << opt(q, r.to_user_id) << ", "
    << opt(q, r.cc_user_id) << ", " << q.bind(r.summary) << ", " << q.bind(r.plan) << ", " << q.bind(r.questions)
    << ", " << q.bind(r.figures) << ", " << q.bind(r.due_at) << ", " << q.bind(r.submitted_at) << ", "
    << q.bind(r.policy_version) << ") ON CONFLICT DO NOTHING RETURNING id";
  return q.scalar(sql);
}

std::optional<WorkReport> report(soci::session& sql, long long id) {
  db::Query q;
  q << "SELECT " << kColumns << " FROM work_reports WHERE id = " << q.bind(id);
  auto r = q.fetch_one(sql, kWidth);
  if (!r) return std::nullopt;
  return from_row(*r);
}

std::optional<WorkReport> report_for(soci::session& sql, long long user_id, const std::string& kind,
                                     const std::string& period) {
  db::Query q;
  q << "SELECT " << kColumns << " FROM work_reports WHERE user_id = " << q.bind(user_id)
    << " AND kind = " << q.bind(kind) << " AND period = " << q.bind(period);
  auto r = q.fetch_one(sql, kWidth);
  if (!r) return std::nullopt;
  return from_row(*r);
}

std::map<long long, long long> submitted_at(soci::session& sql, const std::string& kind, const std::string& period,
                                            const std::vector<long long>& users) {
  std::map<long long, long long> out;
  if (users.empty()) return out;
  db::Query q;
  q << "SELECT user_id, submitted_at FROM work_reports WHERE kind = " << q.bind(kind)
    << " AND period = " << q.bind(period) << " AND user_id IN (" << q.bind_list(users) << ")";
  for (const auto& r : q.fetch(sql, 2)) out[r.i64(0)] = r.i64(1);
  return out;
}

std::vector<WorkReport> reports(soci::session& sql, const ReportFilter& f, std::optional<long long> after, int limit) {
  std::vector<WorkReport> out;
  if (f.users.empty()) return out;
  db::Query q;
  q << "SELECT " << kColumns << " FROM work_reports WHERE user_id IN (" << q.bind_list(f.users) << ")";
  if (f.kind) q << " AND kind = " << q.bind(*f.kind);
  if (f.copied_to) q << " AND cc_user_id = " << q.bind(*f.copied_to);
  if (f.open_only) {
    // Oldest first: ids grow with time, so the keyset is the id.
    q << " AND reply_state <> 'answered'";
    if (after) q << " AND id > " << q.bind(*after);
    q << " ORDER BY id";
  } else {
    if (after) q << " AND id < " << q.bind(*after);
    q << " ORDER BY id DESC";
  }
  q << " LIMIT " << std::to_string(limit);
  for (const auto& r : q.fetch(sql, kWidth)) out.push_back(from_row(r));
  return out;
}

void add_reply(soci::session& sql, const Reply& r) {
  db::Query q;
  q << "INSERT INTO work_report_replies (report_id, user_id, body, question_open, created_at) VALUES ("
    << q.bind(r.report_id) << ", " << q.bind(r.user_id) << ", " << q.bind(r.body) << ", "
    << q.bind(r.question_open ? 1LL : 0LL) << ", " << q.bind(r.created_at) << ")";
  q.exec(sql);
  db::Query u;
  u << "UPDATE work_reports SET reply_state = " << u.bind(std::string(r.question_open ? "question_open" : "answered"))
    << ", first_reply_at = COALESCE(first_reply_at, " << u.bind(r.created_at) << ") WHERE id = " << u.bind(r.report_id);
  u.exec(sql);
}

std::vector<Reply> replies(soci::session& sql, long long report_id) {
  db::Query q;
  q << "SELECT id, report_id, user_id, body, question_open, created_at FROM work_report_replies WHERE report_id = "
    << q.bind(report_id) << " ORDER BY id";
  std::vector<Reply> out;
  for (const auto& r : q.fetch(sql, 6))
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.str(3), r.i64(4) != 0, r.i64(5)});
  return out;
}

void add_fund_row(soci::session& sql, const FundRow& r) {
  db::Query q;
  q << "INSERT INTO activity_fund (team_id, day, amount_fen, entry_id, reason, entered_by, created_at) VALUES ("
    << q.bind(r.team_id) << ", " << q.bind(r.day.str()) << ", " << q.bind(r.amount_fen) << ", " << opt(q, r.entry_id)
    << ", " << q.bind(r.reason) << ", " << opt(q, r.entered_by) << ", " << q.bind(r.created_at) << ")";
  q.exec(sql);
}

void add_fund_share(soci::session& sql, long long team_id, const std::string& close_key, const std::string& reason,
                    long long at) {
  db::Query q;
  q << "INSERT INTO activity_fund (team_id, day, amount_fen, entry_id, reason, entered_by, created_at) SELECT "
    << q.bind(team_id) << ", day, fund_fen, id, " << q.bind(reason) << ", NULL, " << q.bind(at)
    << " FROM discipline_entries WHERE close_key = " << q.bind(close_key) << " AND fund_fen > 0";
  q.exec(sql);
}

std::vector<FundRow> fund_rows(soci::session& sql, long long team_id, std::optional<long long> before, int limit) {
  db::Query q;
  q << "SELECT " << kFundColumns << " FROM activity_fund WHERE team_id = " << q.bind(team_id);
  if (before) q << " AND id < " << q.bind(*before);
  q << " ORDER BY id DESC LIMIT " << std::to_string(limit);
  std::vector<FundRow> out;
  for (const auto& r : q.fetch(sql, 8)) out.push_back(fund_from(r));
  return out;
}

std::map<long long, long long> fund_balances(soci::session& sql, const std::vector<long long>& teams) {
  std::map<long long, long long> out;
  if (teams.empty()) return out;
  db::Query q;
  q << "SELECT team_id, SUM(amount_fen) FROM activity_fund WHERE team_id IN (" << q.bind_list(teams)
    << ") GROUP BY team_id";
  for (const auto& r : q.fetch(sql, 2)) out[r.i64(0)] = r.i64(1);
  return out;
}

std::optional<FundRow> fund_row_of_entry(soci::session& sql, long long entry_id) {
  db::Query q;
  q << "SELECT " << kFundColumns << " FROM activity_fund WHERE entry_id = " << q.bind(entry_id)
    << " ORDER BY id LIMIT 1";
  auto r = q.fetch_one(sql, 8);
  if (!r) return std::nullopt;
  return fund_from(*r);
}

}  // namespace waihu::discipline::store
