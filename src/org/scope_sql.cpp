#include "org/scope_sql.hpp"

namespace waihu::org {

std::string scope_sql(db::Query& q, const ScopeFilter& scope, const ScopeColumns& c) {
  if (scope.all) return "";
  const std::string user(c.user);
  std::string mine;
  if (scope.own_user_id) {
    mine = user + " = " + q.bind(*scope.own_user_id);
    if (!c.also_own.empty()) mine += " OR " + std::string(c.also_own) + " = " + q.bind(*scope.own_user_id);
  } else {
    mine = user + " IN (SELECT id FROM users WHERE team_id IN (" + q.bind_list(scope.team_ids) + "))";
  }
  if (c.unowned_visible) mine = user + " IS NULL OR " + mine;
  return " AND (" + mine + ")";
}

}  // namespace waihu::org
