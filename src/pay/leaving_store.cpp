#include "pay/leaving_store.hpp"

#include "db/query.hpp"

namespace waihu::pay::store {

std::map<long long, Resignation> approved_resignations(soci::session& sql) {
  db::Query q;
  q << "SELECT id, user_id, COALESCE(outcome, '') FROM staff_requests WHERE kind = 'resignation'"
       " AND state = 'approved' ORDER BY id";
  std::map<long long, Resignation> out;
  for (const auto& r : q.fetch(sql, 3)) out[r.i64(1)] = {r.i64(0), r.str(2)};  // later ones replace earlier
  return out;
}

}  // namespace waihu::pay::store
