#pragma once
// An agent's calling figures of a day as the desk shows them (dials, connects, effective calls, talk time, first
// and last call); the counts come from the metric layer.
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

/// Adds one agent's figures to a total.
void add_figures(CallFigures& total, const CallFigures& part);
/// Connects per dial in basis points (0 when there were no dials), rounded half up.
long long connect_rate_bp(const CallFigures& f);

}  // namespace waihu::calls
