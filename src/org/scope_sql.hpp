#pragma once
// Data scope in SQL, written once: which rows of a table an actor may see, by the user a column names (a call's
// agent, a customer's owner, a deal's closer). Every store asks this; none writes its own.
#include <string>
#include <string_view>

#include "db/query.hpp"
#include "org/rules.hpp"

namespace waihu::org {

struct ScopeColumns {
  std::string_view user;           ///< the column naming the user, e.g. "agent_id", "c.owner_id"
  std::string_view also_own = "";  ///< a second column that makes a row one's own (a deal's "field_rep_id")
  bool unowned_visible = false;    ///< rows whose user is NULL (the public pool) stay for every scope
};

/// " AND (…)" keeping the rows the scope covers ("" for everything), the values bound into `q`.
std::string scope_sql(db::Query& q, const ScopeFilter& scope, const ScopeColumns& columns);

}  // namespace waihu::org
