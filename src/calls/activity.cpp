#include "calls/activity.hpp"

#include <algorithm>

namespace waihu::calls {

void add_figures(CallFigures& total, const CallFigures& part) {
  total.dials += part.dials;
  total.connects += part.connects;
  total.effective += part.effective;
  total.talk_seconds += part.talk_seconds;
  if (part.first_call_at)
    total.first_call_at = std::min(total.first_call_at.value_or(*part.first_call_at), *part.first_call_at);
  if (part.last_call_at)
    total.last_call_at = std::max(total.last_call_at.value_or(*part.last_call_at), *part.last_call_at);
}

long long connect_rate_bp(const CallFigures& f) {
  if (f.dials <= 0) return 0;
  return (f.connects * 20000 + f.dials) / (2 * f.dials);
}

}  // namespace waihu::calls
