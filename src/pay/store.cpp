#include "pay/store.hpp"

#include <nlohmann/json.hpp>

#include "db/query.hpp"
#include "db/row_inserter.hpp"

namespace waihu::pay::store {

void add_target(soci::session& sql, const TargetRow& t) {
  db::Query q;
  q << "INSERT INTO team_targets (team_id, month, amount_fen, note, set_by, set_at) VALUES (" << q.bind(t.team_id)
    << ", " << q.bind(t.month) << ", " << q.bind(t.amount_fen) << ", " << q.bind(t.note) << ", " << q.bind(t.set_by)
    << ", " << q.bind(t.set_at) << ")";
  q.exec(sql);
}

std::vector<TargetRow> targets(soci::session& sql, const std::string& month) {
  db::Query q;
  q << "SELECT id, team_id, month, amount_fen, note, set_by, set_at FROM team_targets WHERE month = " << q.bind(month)
    << " ORDER BY id";
  std::vector<TargetRow> out;
  for (const auto& r : q.fetch(sql, 7))
    out.push_back({r.i64(0), r.i64(1), r.str(2), r.i64(3), r.str(4), r.i64(5), r.i64(6)});
  return out;
}

std::optional<MonthRow> month(soci::session& sql, const std::string& month) {
  db::Query q;
  q << "SELECT month, status, run_at, run_by, policy_versions, closed_at, closed_by FROM payroll_months WHERE month = "
    << q.bind(month);
  auto r = q.fetch_one(sql, 7);
  if (!r) return std::nullopt;
  return MonthRow{r->str(0), r->str(1), r->i64(2), r->opt_i64(3), r->str(4), r->opt_i64(5), r->opt_i64(6)};
}

void put_month(soci::session& sql, const MonthRow& m) {
  db::Query q;
  q << "INSERT INTO payroll_months (month, status, run_at, run_by, policy_versions) VALUES (" << q.bind(m.month) << ", "
    << q.bind(m.status) << ", " << q.bind(m.run_at) << ", " << (m.run_by ? q.bind(*m.run_by) : std::string("NULL"))
    << ", " << q.bind(m.policy_versions)
    << ") ON CONFLICT (month) DO UPDATE SET run_at = excluded.run_at, run_by = excluded.run_by, "
       "policy_versions = excluded.policy_versions WHERE payroll_months.status = 'draft'";
  q.exec(sql);
}

std::vector<long long> sourced_ids(soci::session& sql, const std::string& month, const std::string& code,
                                   const std::string& kind) {
  db::Query q;
  q << "SELECT l.sources FROM pay_lines l JOIN pay_statements s ON s.id = l.statement_id WHERE s.month = "
    << q.bind(month) << " AND l.code = " << q.bind(code);
  std::vector<long long> ids;
  for (const auto& r : q.fetch(sql, 1)) {
    const auto sources = nlohmann::json::parse(r.str(0), nullptr, false);
    if (sources.is_object() && sources.contains(kind))
      for (long long id : sources[kind].get<std::vector<long long>>()) ids.push_back(id);
  }
  return ids;
}

bool close_month(soci::session& sql, const std::string& month, long long at, long long by) {
  db::Query q;
  q << "UPDATE payroll_months SET status = 'closed', closed_at = " << q.bind(at)
    << ", closed_by = " << (by ? q.bind(by) : std::string("NULL")) << " WHERE month = " << q.bind(month)
    << " AND status = 'draft'";
  return q.exec_count(sql) == 1;
}

void replace_statements(soci::session& sql, db::Dialect dialect, const std::string& month,
                        const std::vector<StatementRow>& rows) {
  {
    db::Query q;
    q << "DELETE FROM pay_lines WHERE statement_id IN (SELECT id FROM pay_statements WHERE month = " << q.bind(month)
      << ")";
    q.exec(sql);
  }
  {
    db::Query q;
    q << "DELETE FROM pay_statements WHERE month = " << q.bind(month);
    q.exec(sql);
  }
  db::RowInserter statements(
      sql, dialect, "pay_statements",
      {"month", "user_id", "role", "team_id", "employment_status", "policy_version", "gross_fen", "deductions_fen",
       "net_fen", "computed_at", "held_over_fen", "status_next_month", "status_why"},
      {.returns_id = true, .batched = true});
  std::vector<long long> ids;
  for (const auto& s : rows) {
    statements.text(s.month).integer(s.user_id).text(s.role).integer(s.team_id).text(s.employment_status);
    statements.integer(s.policy_version).integer(s.gross_fen).integer(s.deductions_fen).integer(s.net_fen);
    statements.integer(s.computed_at).integer(s.held_over_fen).text(s.status_next_month).text(s.status_why);
    ids.push_back(statements.insert());
  }
  statements.flush();
  db::RowInserter lines(sql, dialect, "pay_lines",
                        {"statement_id", "position", "code", "label_zh", "label_en", "amount_fen", "basis_fen",
                         "rate_bp", "tier", "rule", "explanation", "sources"},
                        {.returns_id = false, .batched = true});
  for (size_t i = 0; i < rows.size(); ++i) {
    long long position = 0;
    for (const auto& [l, sources] : rows[i].lines) {
      lines.integer(ids[i]).integer(++position).text(l.code).text(l.zh).text(l.en).integer(l.amount_fen);
      lines.integer(l.basis_fen);
      if (l.rate_bp)
        lines.integer(*l.rate_bp);
      else
        lines.null();
      if (l.tier)
        lines.integer(*l.tier);
      else
        lines.null();
      lines.text(l.rule).text(l.explanation).text(sources);
      lines.insert();
    }
  }
  lines.flush();
}

namespace {
const char* kColumns =
    "id, month, user_id, role, team_id, employment_status, policy_version, gross_fen, deductions_fen, net_fen, "
    "computed_at, held_over_fen, status_next_month, status_why";
constexpr int kColumnCount = 14;
StatementRow from_row(const db::Row& r) {
  return {r.i64(0), r.str(1), r.i64(2),  r.str(3),  r.i64(4),  r.str(5),  r.i64(6), r.i64(7),
          r.i64(8), r.i64(9), r.i64(10), r.i64(11), r.str(12), r.str(13), {}};
}
const char* kLineColumns = "code, label_zh, label_en, amount_fen, basis_fen, rate_bp, tier, rule, explanation, sources";
// A pay_lines row read as "statement_id, <kLineColumns>".
StoredLine line_from_row(const db::Row& l) {
  StoredLine sl;
  sl.line.code = l.str(1);
  sl.line.zh = l.str(2);
  sl.line.en = l.str(3);
  sl.line.amount_fen = l.i64(4);
  sl.line.basis_fen = l.i64(5);
  sl.line.rate_bp = l.opt_i64(6);
  if (auto t = l.opt_i64(7)) sl.line.tier = static_cast<int>(*t);
  sl.line.rule = l.str(8);
  sl.line.explanation = l.str(9);
  sl.sources = l.str(10);
  return sl;
}
}  // namespace

std::vector<StatementRow> month_statements(soci::session& sql, const std::string& month) {
  std::vector<StatementRow> out;
  std::map<long long, size_t> at;
  {
    db::Query q;
    q << "SELECT " << kColumns << " FROM pay_statements WHERE month = " << q.bind(month) << " ORDER BY id";
    for (const auto& r : q.fetch(sql, kColumnCount)) {
      at[r.i64(0)] = out.size();
      out.push_back(from_row(r));
    }
  }
  db::Query q;
  q << "SELECT l.statement_id, l.code, l.label_zh, l.label_en, l.amount_fen, l.basis_fen, l.rate_bp, l.tier, l.rule, "
       "l.explanation, l.sources FROM pay_lines l JOIN pay_statements s ON s.id = l.statement_id WHERE s.month = "
    << q.bind(month) << " ORDER BY l.statement_id, l.position";
  for (const auto& r : q.fetch(sql, 11)) out[at.at(r.i64(0))].lines.push_back(line_from_row(r));
  return out;
}

std::vector<StatementRow> statements(soci::session& sql, const std::string& month, const std::vector<long long>& users,
                                     bool all_users, long long after_id, int limit) {
  std::vector<StatementRow> out;
  if (!all_users && users.empty()) return out;
  db::Query q;
  q << "SELECT " << kColumns << " FROM pay_statements WHERE month = " << q.bind(month) << " AND id > "
    << q.bind(after_id);
  if (!all_users) q << " AND user_id IN (" << q.bind_list(users) << ")";
  q << " ORDER BY id LIMIT " << q.bind(static_cast<long long>(limit));
  for (const auto& r : q.fetch(sql, kColumnCount)) out.push_back(from_row(r));
  return out;
}

std::optional<StatementRow> statement(soci::session& sql, long long id) {
  db::Query q;
  q << "SELECT " << kColumns << " FROM pay_statements WHERE id = " << q.bind(id);
  auto r = q.fetch_one(sql, kColumnCount);
  if (!r) return std::nullopt;
  StatementRow s = from_row(*r);
  db::Query lines;
  lines << "SELECT statement_id, " << kLineColumns << " FROM pay_lines WHERE statement_id = " << lines.bind(id)
        << " ORDER BY position";
  for (const auto& l : lines.fetch(sql, 11)) s.lines.push_back(line_from_row(l));
  return s;
}

std::map<long long, std::vector<PaidLine>> paid_lines(soci::session& sql, const std::string& month) {
  db::Query q;
  q << "SELECT s.user_id, l.code, l.rule, l.amount_fen, l.sources FROM pay_lines l JOIN pay_statements s ON "
       "s.id = l.statement_id WHERE s.month = "
    << q.bind(month)
    << " AND l.code IN ('commission', 'proxy_share', 'proxy_commission', 'product') AND l.amount_fen <> 0 "
       "ORDER BY s.user_id, l.position";
  std::map<long long, std::vector<PaidLine>> out;
  for (const auto& r : q.fetch(sql, 5)) {
    PaidLine p{r.str(1), r.str(2), r.i64(3), {}};
    const auto sources = nlohmann::json::parse(r.str(4), nullptr, false);
    if (sources.is_object() && sources.contains("deals")) p.deals = sources["deals"].get<std::vector<long long>>();
    out[r.i64(0)].push_back(std::move(p));
  }
  return out;
}

std::map<long long, Balance> balances_before(soci::session& sql, const std::string& month) {
  db::Query q;
  q << "SELECT user_id, month, id, held_over_fen FROM pay_statements WHERE month < " << q.bind(month)
    << " ORDER BY user_id, month";
  std::map<long long, Balance> latest;
  for (const auto& r : q.fetch(sql, 4)) latest[r.i64(0)] = {r.i64(3), r.i64(2), r.str(1)};
  std::map<long long, Balance> out;
  for (auto& [user, b] : latest)
    if (b.fen > 0) out.emplace(user, std::move(b));
  return out;
}

void add_wage(soci::session& sql, const WageRow& w) {
  db::Query q;
  q << "INSERT INTO minimum_wages (city, amount_fen, from_month, note, set_by, set_at) VALUES (" << q.bind(w.city)
    << ", " << q.bind(w.amount_fen) << ", " << q.bind(w.from_month) << ", " << q.bind(w.note) << ", "
    << q.bind(w.set_by) << ", " << q.bind(w.set_at) << ")";
  q.exec(sql);
}

std::vector<WageRow> wages(soci::session& sql) {
  db::Query q;
  q << "SELECT id, city, amount_fen, from_month, note, set_by, set_at FROM minimum_wages ORDER BY city, from_month, "
       "id";
  std::vector<WageRow> out;
  for (const auto& r : q.fetch(sql, 7))
    out.push_back({r.i64(0), r.str(1), r.i64(2), r.str(3), r.str(4), r.i64(5), r.i64(6)});
  return out;
}

void set_team_city(soci::session& sql, long long team_id, const std::string& city, long long by, long long at) {
  db::Query q;
  if (city.empty()) {
    q << "DELETE FROM team_cities WHERE team_id = " << q.bind(team_id);
  } else {
    q << "INSERT INTO team_cities (team_id, city, set_by, set_at) VALUES (" << q.bind(team_id) << ", " << q.bind(city)
      << ", " << q.bind(by) << ", " << q.bind(at)
      << ") ON CONFLICT (team_id) DO UPDATE SET city = excluded.city, set_by = excluded.set_by, "
         "set_at = excluded.set_at";
  }
  q.exec(sql);
}

std::map<long long, std::string> team_cities(soci::session& sql) {
  db::Query q;
  q << "SELECT team_id, city FROM team_cities";
  std::map<long long, std::string> out;
  for (const auto& r : q.fetch(sql, 2)) out[r.i64(0)] = r.str(1);
  return out;
}

bool add_exception(soci::session& sql, const ExceptionRow& e) {
  db::Query q;
  q << "INSERT INTO probation_exceptions (user_id, month, reason, granted_by, granted_at) VALUES (" << q.bind(e.user_id)
    << ", " << q.bind(e.month) << ", " << q.bind(e.reason) << ", " << q.bind(e.granted_by) << ", "
    << q.bind(e.granted_at) << ") ON CONFLICT (user_id, month) DO NOTHING";
  return q.exec_count(sql) == 1;
}

std::optional<ExceptionRow> exception_for(soci::session& sql, long long user_id, const std::string& month) {
  db::Query q;
  q << "SELECT id, user_id, month, reason, granted_by, granted_at FROM probation_exceptions WHERE user_id = "
    << q.bind(user_id) << " AND month = " << q.bind(month);
  auto r = q.fetch_one(sql, 6);
  if (!r) return std::nullopt;
  return ExceptionRow{r->i64(0), r->i64(1), r->str(2), r->str(3), r->i64(4), r->i64(5)};
}

std::vector<ExceptionRow> exceptions_through(soci::session& sql, const std::string& month) {
  db::Query q;
  q << "SELECT id, user_id, month, reason, granted_by, granted_at FROM probation_exceptions WHERE month <= "
    << q.bind(month) << " ORDER BY id";
  std::vector<ExceptionRow> out;
  for (const auto& r : q.fetch(sql, 6)) out.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.i64(4), r.i64(5)});
  return out;
}

}  // namespace waihu::pay::store
