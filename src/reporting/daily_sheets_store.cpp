#include "reporting/daily_sheets_store.hpp"

#include <map>

#include "db/query.hpp"
#include "org/scope_sql.hpp"

namespace waihu::reporting::store {

namespace {
// " AND …" for the selection's calls, aliased c.
void where(db::Query& q, const CallSelection& s) {
  // A call marked fabricated (虚报) is not the agent's work: the sheets leave it out as the figures do.
  q << " WHERE c.started_at >= " << q.bind(s.from) << " AND c.started_at < " << q.bind(s.to)
    << " AND c.fabricated_at IS NULL" << org::scope_sql(q, s.scope, {.user = "c.agent_id"});
  if (s.agent_id) q << " AND c.agent_id = " << q.bind(*s.agent_id);
  if (!s.team_ids.empty()) {
    q << " AND c.agent_id IN (SELECT id FROM users WHERE team_id IN (" << q.bind_list(s.team_ids) << "))";
  }
}
}  // namespace

std::unordered_map<long long, std::pair<long long, long long>> first_last_calls(soci::session& sql,
                                                                                const CallSelection& s) {
  db::Query q;
  q << "SELECT c.agent_id, MIN(c.started_at), MAX(c.started_at) FROM calls c";
  where(q, s);
  q << " GROUP BY c.agent_id";
  std::unordered_map<long long, std::pair<long long, long long>> out;
  for (const auto& r : q.fetch(sql, 3)) out[r.i64(0)] = {r.i64(1), r.i64(2)};
  return out;
}

std::vector<CustomerDay> customer_days(soci::session& sql, const CallSelection& s,
                                       const std::optional<db::Cursor>& after, int limit) {
  db::Query q;
  q << "SELECT c.agent_id, c.customer_id, COUNT(*), SUM(CASE WHEN c.answered_at IS NULL THEN 0 ELSE 1 END), "
       "SUM(c.effective), SUM(c.talk_seconds), MIN(c.started_at), MAX(c.started_at) FROM calls c";
  where(q, s);
  q << " AND c.customer_id IS NOT NULL";
  const db::KeysetSort sort{"c.agent_id", "c.customer_id", false, true};
  if (after) q << " AND " << db::keyset_after(q, sort, *after);
  q << " GROUP BY c.agent_id, c.customer_id ORDER BY " << db::keyset_order(sort) << " LIMIT "
    << std::to_string(limit + 1);
  std::vector<CustomerDay> out;
  for (const auto& r : q.fetch(sql, 8)) {
    CustomerDay d;
    d.agent_id = r.i64(0);
    d.customer_id = r.i64(1);
    d.calls = r.i64(2);
    d.connects = r.i64(3);
    d.effective = r.i64(4);
    d.talk_seconds = r.i64(5);
    d.first_call_at = r.i64(6);
    d.last_call_at = r.i64(7);
    out.push_back(std::move(d));
  }
  if (out.empty()) return out;
  std::vector<long long> ids;
  for (const auto& d : out) ids.push_back(d.customer_id);
  std::map<long long, std::vector<CustomerDay*>> of_customer;
  for (auto& d : out) of_customer[d.customer_id].push_back(&d);

  db::Query cq;
  cq << "SELECT id, company, contact_name, title, it_status, grade, headcount, owner_id, created_by, created_at, "
        "(SELECT e164 FROM customer_phones p WHERE p.customer_id = customers.id ORDER BY position LIMIT 1) "
        "FROM customers WHERE id IN ("
     << cq.bind_list(ids) << ")";
  for (const auto& r : cq.fetch(sql, 11)) {
    for (CustomerDay* d : of_customer[r.i64(0)]) {
      d->company = r.str(1);
      d->contact_name = r.str(2);
      d->title = r.str(3);
      d->it_status = r.str(4);
      d->grade = r.str(5);
      d->headcount = r.opt_i64(6);
      d->owner_id = r.opt_i64(7);
      d->created_by = r.opt_i64(8);
      d->created_at = r.i64(9);
      d->phone = r.is_null(10) ? "" : r.str(10);
    }
  }
  // The result of each pair's last call that day.
  db::Query lq;
  lq << "SELECT c.agent_id, c.customer_id, c.result FROM calls c";
  where(lq, s);
  lq << " AND c.customer_id IN (" << lq.bind_list(ids) << ") ORDER BY c.started_at, c.id";
  for (const auto& r : lq.fetch(sql, 3)) {
    for (CustomerDay* d : of_customer[r.i64(1)])
      if (d->agent_id == r.i64(0)) d->last_result = r.str(2);
  }
  return out;
}

}  // namespace waihu::reporting::store
