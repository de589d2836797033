#include "reporting/timeline_store.hpp"

#include "db/query.hpp"

namespace waihu::reporting::store {

std::vector<Event> customer_events(soci::session& sql, long long customer_id, const std::optional<db::Cursor>& after,
                                   int limit) {
  db::Query q;
  auto kind = [](EventKind k) { return std::to_string(static_cast<int>(k)); };
  auto key = [&](EventKind k) { return "id * 8 + " + kind(k); };
  // A follow-up or status move saved with a call (the same agent, at the call's end) is part of the call's event.
  auto logged_with_call = [&](const std::string& agent, const std::string& at) {
    return "EXISTS (SELECT 1 FROM calls k WHERE k.customer_id = " + q.bind(customer_id) + " AND k.agent_id = " + agent +
           " AND k.ended_at = " + at + ")";
  };
  std::string c[6];
  for (auto& b : c) b = q.bind(customer_id);
  // Deals and payments stand at the time they were recorded, so the order is the order things were entered.
  q << "SELECT kind, id, at, k FROM ("
    << "SELECT " << kind(EventKind::kCall) << " AS kind, id, started_at AS at, " << key(EventKind::kCall)
    << " AS k FROM calls WHERE customer_id = " << c[0]                                                  //
    << " UNION ALL SELECT " << kind(EventKind::kFollowUp) << ", id, at, " << key(EventKind::kFollowUp)  //
    << " FROM follow_ups f WHERE customer_id = " << c[1] << " AND NOT " << logged_with_call("f.agent_id", "f.at")
    << " UNION ALL SELECT " << kind(EventKind::kOwnership) << ", id, at, " << key(EventKind::kOwnership)
    << " FROM audit_log WHERE entity = 'customer' AND action = 'customer.assign' AND entity_id = " << c[2]
    << " UNION ALL SELECT " << kind(EventKind::kStatus) << ", id, at, " << key(EventKind::kStatus)
    << " FROM audit_log a WHERE entity = 'customer' AND action = 'customer.status' AND entity_id = " << c[5]
    << " AND NOT " << logged_with_call("a.actor_id", "a.at") << " UNION ALL SELECT " << kind(EventKind::kDeal)
    << ", id, created_at, " << key(EventKind::kDeal) << " FROM deals WHERE customer_id = " << c[3]  //
    << " UNION ALL SELECT " << kind(EventKind::kPayment) << ", p.id, p.created_at, p." << key(EventKind::kPayment)
    << " FROM deal_payments p JOIN deals d ON d.id = p.deal_id WHERE d.customer_id = " << c[4] << ") t WHERE 1=1";
  db::KeysetSort sort{"at", "k", true, true};
  if (after) q << " AND " << db::keyset_after(q, sort, *after);
  q << " ORDER BY " << db::keyset_order(sort) << " LIMIT " << std::to_string(limit + 1);
  std::vector<Event> out;
  for (const auto& r : q.fetch(sql, 4)) {
    out.push_back({static_cast<EventKind>(r.i64(0)), r.i64(1), r.i64(2), r.i64(3)});
  }
  return out;
}

std::vector<Companion> call_companions(soci::session& sql, long long customer_id,
                                       const std::vector<long long>& ended_ats) {
  std::vector<Companion> out;
  if (ended_ats.empty()) return out;
  db::Query q;
  q << "SELECT 1, id, at, agent_id FROM follow_ups WHERE customer_id = " << q.bind(customer_id) << " AND at IN ("
    << q.bind_list(ended_ats) << ") UNION ALL SELECT 5, id, at, actor_id FROM audit_log WHERE entity = 'customer' "
    << "AND action = 'customer.status' AND entity_id = " << q.bind(customer_id) << " AND at IN ("
    << q.bind_list(ended_ats) << ")";
  for (const auto& r : q.fetch(sql, 4)) {
    out.push_back({static_cast<EventKind>(r.i64(0)), r.i64(1), r.i64(2), r.opt_i64(3)});
  }
  return out;
}

}  // namespace waihu::reporting::store
