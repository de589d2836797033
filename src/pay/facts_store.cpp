#include "pay/facts_store.hpp"

#include "db/query.hpp"
#include "kpi/day_store.hpp"

namespace waihu::pay::store {

MonthRecords month_records(soci::session& sql, const calendar::Period& period) {
  MonthRecords out;
  {
    // Deals closed in the month: a self-sourced deal is its agent's own; a proxy deal is its clerk's (proxy_sales)
    // and the visiting field rep's (proxy_sales on the rep's side).
    db::Query q;
    q << "SELECT id, agent_id, field_rep_id, sourcing, product, amount_fen FROM deals WHERE closed_on >= "
      << q.bind(period.from.str()) << " AND closed_on <= " << q.bind(period.to.str()) << " ORDER BY id";
    for (const auto& r : q.fetch(sql, 6)) {
      const long long id = r.i64(0), agent = r.i64(1), amount = r.i64(5);
      const auto rep = r.opt_i64(2);
      const bool proxy = r.str(3) == "proxy";
      PersonMonth& a = out.people[agent];
      if (proxy && rep) {
        a.facts.proxy_sales_fen += amount;
        a.proxy_deals.push_back(id);
        PersonMonth& visitor = out.people[*rep];
        visitor.facts.proxy_sales_fen += amount;
        visitor.proxy_deals.push_back(id);
      } else {
        a.facts.own_sales_fen += amount;
        a.own_deals.push_back(id);
      }
      a.facts.product_sales_fen[r.str(4)] += amount;
      a.deal_product[id] = r.str(4);
      if (proxy && rep) out.people[*rep].deal_product[id] = r.str(4);
      out.deal_fen[id] = amount;
      out.sales_by_agent_fen[agent] += amount;
      out.deals_by_agent[agent].push_back(id);
    }
  }
  {
    // Payments collected in the month on each agent's deals; refunds taken off.
    db::Query q;
    // A refund is also clawed back from the commission its deal paid (the deal's month and its lines).
    q << "SELECT p.id, d.agent_id, p.kind, p.amount_fen, p.deal_id, p.on_date, d.closed_on FROM deal_payments p "
         "JOIN deals d ON d.id = p.deal_id WHERE p.on_date >= "
      << q.bind(period.from.str()) << " AND p.on_date <= " << q.bind(period.to.str()) << " ORDER BY p.id";
    for (const auto& r : q.fetch(sql, 7)) {
      PersonMonth& a = out.people[r.i64(1)];
      const bool refund = r.str(2) == "refund";
      a.facts.payments_fen += refund ? -r.i64(3) : r.i64(3);
      a.payments.push_back(r.i64(0));
      if (refund) out.refunds.push_back({r.i64(0), r.i64(4), r.i64(3), r.str(5), r.str(6).substr(0, 7)});
    }
  }
  {
    // The ledger's rows with money, in day order: fines (a correction's negative fine pays one back), bonuses,
    // absences in days of base pay.
    db::Query q;
    q << "SELECT id, user_id, day, item, rule, evidence, fine_fen, bonus_fen, base_days_milli, corrects FROM "
         "discipline_entries WHERE day >= "
      << q.bind(period.from.str()) << " AND day <= " << q.bind(period.to.str())
      << " AND (fine_fen <> 0 OR bonus_fen <> 0 OR base_days_milli <> 0) ORDER BY day, id";
    for (const auto& r : q.fetch(sql, 10))
      out.people[r.i64(1)].ledger.push_back(
          {r.i64(0), r.str(2), r.str(3), r.str(4), r.str(5), r.i64(6), r.i64(7), r.i64(8), r.opt_i64(9)});
  }
  {
    db::Query q;
    q << "SELECT claim_id, user_id, stage, percent FROM duplicate_claim_penalties WHERE month = "
      << q.bind(calendar::Month::of(period.from).str()) << " ORDER BY created_at, claim_id";
    for (const auto& r : q.fetch(sql, 4))
      out.people[r.i64(1)].claim_penalties.push_back({r.i64(0), r.str(2), r.i64(3)});
  }
  // The month's figures from the metric layer (per-unit pay reads them).
  for (const auto& row : kpi::store::stored(sql, period, {}))
    for (const auto& [name, value] : kpi::store::named(row.figures))
      if (value != 0) out.people[row.user_id].facts.metrics[name] += value;
  return out;
}

std::map<long long, long long> deal_amounts(soci::session& sql, const calendar::Period& period) {
  db::Query q;
  q << "SELECT id, amount_fen FROM deals WHERE closed_on >= " << q.bind(period.from.str())
    << " AND closed_on <= " << q.bind(period.to.str());
  std::map<long long, long long> out;
  for (const auto& r : q.fetch(sql, 2)) out[r.i64(0)] = r.i64(1);
  return out;
}

}  // namespace waihu::pay::store
