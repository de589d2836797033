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

util::Label call_result_label(CallResult r) {
  static constexpr std::array<util::Label, 9> kLabels{{{"未接", "No answer"},
                                                       {"占线", "Busy"},
                                                       {"空号", "Invalid number"},
                                                       {"拒接", "Refused"},
                                                       {"接通", "Connected"},
                                                       {"要求回电", "Callback requested"},
                                                       {"有意向", "Interested"},
                                                       {"成交", "Deal"},
                                                       {"呼叫失败", "Failed"}}};
  return kLabels[static_cast<size_t>(r)];
}

util::Label direction_label(Direction d) {
  return d == Direction::kOutbound ? util::Label{"外呼", "Outbound"} : util::Label{"来电", "Inbound"};
}

util::Label call_source_label(CallSource s) {
  return s == CallSource::kAgent ? util::Label{"坐席登记", "Logged by agent"} : util::Label{"话单导入", "Imported CDR"};
}

}  // namespace waihu::calls
