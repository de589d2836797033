#pragma once
// SQL for seed 004's two daily sheets: the first and last call of each agent's day, and the customers each agent
// called that day with what their record holds. A read model over calls, customers and their phones; writes none.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "db/keyset.hpp"
#include "org/rules.hpp"

namespace waihu::reporting::store {

/// The calls the sheets look at: [from, to) of one company day, the agents the reader's scope covers, optionally
/// one agent or the agents of some teams.
struct CallSelection {
  long long from = 0, to = 0;
  org::ScopeFilter scope;
  std::optional<long long> agent_id;
  std::vector<long long> team_ids;  ///< empty: any team
};

/// Per agent: the start of the first and the last call.
std::unordered_map<long long, std::pair<long long, long long>> first_last_calls(soci::session& sql,
                                                                                const CallSelection& s);

/// One agent's calls to one customer that day, and the customer's record as it stands.
struct CustomerDay {
  long long agent_id = 0, customer_id = 0;
  long long calls = 0, connects = 0, effective = 0, talk_seconds = 0;
  long long first_call_at = 0, last_call_at = 0;
  std::string last_result;
  std::string company, contact_name, title, phone, it_status, grade;
  std::optional<long long> headcount, owner_id, created_by;
  long long created_at = 0;
};

/// Ordered by agent, then customer; `limit + 1` rows after the cursor (value: the agent id, id: the customer id).
std::vector<CustomerDay> customer_days(soci::session& sql, const CallSelection& s,
                                       const std::optional<db::Cursor>& after, int limit);

}  // namespace waihu::reporting::store
