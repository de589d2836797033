#pragma once
// The day's calling figures of each agent (dials, connects, effective calls, talk time, first and last call):
// what the desk and the supervisors' calls page show. Counted by the database over the whole period, never
// over one page of calls.
#include <optional>
#include <string>
#include <vector>

namespace waihu::calls {

struct CallFigures {
  long long dials = 0;
  long long connects = 0;  ///< calls answered
  long long effective = 0;
  long long talk_seconds = 0;
  std::optional<long long> first_call_at, last_call_at;  ///< start times, Unix seconds
};

struct AgentActivity {
  long long agent_id = 0;
  std::string agent_name;
  std::string username;
  long long team_id = 0;
  CallFigures figures;
};

struct Activity {
  long long from = 0, to = 0;         ///< the period [from, to), Unix seconds
  std::vector<AgentActivity> agents;  ///< everyone in the scope who may log calls, those without calls included
  CallFigures totals;
};

/// Adds one agent's figures to a total.
void add_figures(CallFigures& total, const CallFigures& part);
/// Connects per dial in basis points (0 when there were no dials), rounded half up.
long long connect_rate_bp(const CallFigures& f);

}  // namespace waihu::calls
