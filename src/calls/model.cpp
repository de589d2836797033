#include "calls/model.hpp"

#include <array>

namespace waihu::calls {

namespace {
constexpr std::array<std::string_view, 9> kResults{"no_answer",  "busy",      "invalid_number",
                                                   "refused",    "connected", "callback_requested",
                                                   "interested", "deal",      "failed"};
}

std::optional<Direction> parse_direction(std::string_view s) {
  if (s == "outbound") return Direction::kOutbound;
  if (s == "inbound") return Direction::kInbound;
  return std::nullopt;
}

std::string_view direction_name(Direction d) { return d == Direction::kOutbound ? "outbound" : "inbound"; }

std::optional<CallResult> parse_call_result(std::string_view s) {
  for (size_t i = 0; i < kResults.size(); ++i) {
    if (kResults[i] == s) return static_cast<CallResult>(i);
  }
  return std::nullopt;
}

std::string_view call_result_name(CallResult r) { return kResults[static_cast<size_t>(r)]; }

std::string_view call_source_name(CallSource s) { return s == CallSource::kAgent ? "agent" : "imported"; }

}  // namespace waihu::calls
