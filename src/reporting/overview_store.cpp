#include "reporting/overview_store.hpp"

#include "db/query.hpp"
#include "org/scope_sql.hpp"
#include "util/clock.hpp"

namespace waihu::reporting::store {

std::vector<DayTeamRow> day_team_figures(soci::session& sql, const calendar::Period& period,
                                         const calendar::Bounds& bounds, long long utc_offset,
                                         const org::ScopeFilter& scope) {
  std::vector<DayTeamRow> out;
  const std::string from_date = period.from.str(), to_date = period.to.str();
  const long long from = bounds.from, to = bounds.to, kOffset = utc_offset;
  {
    // The company day of a call: whole days since 1970 of its start moved to the company's wall clock.
    db::Query q;
    q << "SELECT (c.started_at + " << std::to_string(kOffset) << ") / 86400, u.team_id, COUNT(*), "
      << "SUM(CASE WHEN c.answered_at IS NULL THEN 0 ELSE 1 END), SUM(c.effective), SUM(c.talk_seconds) "
      << "FROM calls c JOIN users u ON u.id = c.agent_id WHERE c.started_at >= " << q.bind(from)
      << " AND c.started_at < " << q.bind(to) << org::scope_sql(q, scope, {.user = "u.id"})
      << " GROUP BY (c.started_at + " << std::to_string(kOffset) << ") / 86400, u.team_id";
    for (const auto& r : q.fetch(sql, 6)) {
      DayTeamRow row;
      row.date = calendar::LocalDate::from_days(r.i64(0)).str();
      row.team_id = r.i64(1);
      row.dials = r.i64(2);
      row.connects = r.i64(3);
      row.effective = r.i64(4);
      row.talk_seconds = r.i64(5);
      out.push_back(std::move(row));
    }
  }
  {
    db::Query q;
    q << "SELECT d.closed_on, u.team_id, COUNT(*), SUM(d.amount_fen) FROM deals d JOIN users u ON u.id = d.agent_id "
      << "WHERE d.closed_on >= " << q.bind(from_date) << " AND d.closed_on <= " << q.bind(to_date)
      << org::scope_sql(q, scope, {.user = "u.id"}) << " GROUP BY d.closed_on, u.team_id";
    for (const auto& r : q.fetch(sql, 4)) {
      DayTeamRow row;
      row.date = r.str(0);
      row.team_id = r.i64(1);
      row.deals = r.i64(2);
      row.revenue_fen = r.i64(3);
      out.push_back(std::move(row));
    }
  }
  {
    db::Query q;
    q << "SELECT p.on_date, u.team_id, SUM(CASE WHEN p.kind = 'refund' THEN -p.amount_fen ELSE p.amount_fen END) "
      << "FROM deal_payments p JOIN deals d ON d.id = p.deal_id JOIN users u ON u.id = d.agent_id "
      << "WHERE p.on_date >= " << q.bind(from_date) << " AND p.on_date <= " << q.bind(to_date)
      << org::scope_sql(q, scope, {.user = "u.id"}) << " GROUP BY p.on_date, u.team_id";
    for (const auto& r : q.fetch(sql, 3)) {
      DayTeamRow row;
      row.date = r.str(0);
      row.team_id = r.i64(1);
      row.payments_fen = r.i64(2);
      out.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace waihu::reporting::store
