#include "calls/activity_store.hpp"

#include "db/query.hpp"

namespace waihu::calls::store {

std::unordered_map<long long, CallFigures> figures_by_agent(soci::session& sql, long long from, long long to,
                                                            const Scope& scope, std::optional<long long> agent_id) {
  db::Query q;
  q << "SELECT agent_id, COUNT(*), SUM(CASE WHEN answered_at IS NULL THEN 0 ELSE 1 END), SUM(effective), "
       "SUM(talk_seconds), MIN(started_at), MAX(started_at) FROM calls WHERE started_at >= "
    << q.bind(from) << " AND started_at < " << q.bind(to);
  q << agent_in_scope(q, scope);
  if (agent_id) q << " AND agent_id = " << q.bind(*agent_id);
  q << " GROUP BY agent_id";
  std::unordered_map<long long, CallFigures> out;
  for (const auto& r : q.fetch(sql, 7)) {
    out.emplace(r.i64(0), CallFigures{r.i64(1), r.i64(2), r.i64(3), r.i64(4), r.opt_i64(5), r.opt_i64(6)});
  }
  return out;
}

}  // namespace waihu::calls::store
