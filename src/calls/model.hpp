#pragma once
// Calls (SPEC §3): every call an agent makes or takes, logged by the agent or (next) imported from CDRs.
#include <optional>
#include <string>
#include <string_view>

#include "util/lang.hpp"

namespace waihu::calls {

enum class Direction { kOutbound, kInbound };
std::optional<Direction> parse_direction(std::string_view s);
std::string_view direction_name(Direction d);
util::Label direction_label(Direction d);

enum class CallResult {
  kNoAnswer,           ///< 未接
  kBusy,               ///< 占线
  kInvalidNumber,      ///< 空号/错号
  kRefused,            ///< 拒绝
  kConnected,          ///< 接通
  kCallbackRequested,  ///< 要求回电
  kInterested,         ///< 有意向
  kDeal,               ///< 成交
  kFailed,             ///< 呼叫失败
};
std::optional<CallResult> parse_call_result(std::string_view s);
std::string_view call_result_name(CallResult r);
/// What people call the result (未接 / No answer).
util::Label call_result_label(CallResult r);

enum class CallSource { kAgent, kImported };
std::string_view call_source_name(CallSource s);
util::Label call_source_label(CallSource s);

/// A record a supervisor found made up on audit (虚报): kept, counted in no figure.
struct Fabrication {
  long long at = 0, by = 0;
  std::string reason;
};

struct Call {
  long long id = 0;
  long long agent_id = 0;
  std::optional<long long> customer_id;  ///< none when the number matches no customer
  std::string number;                    ///< E.164
  Direction direction = Direction::kOutbound;
  std::optional<long long> campaign_id;
  long long started_at = 0;
  std::optional<long long> answered_at;
  long long ended_at = 0;
  long long ring_seconds = 0;
  long long talk_seconds = 0;
  CallResult result = CallResult::kNoAnswer;
  bool effective = false;
  std::string recording;
  std::string notes;
  CallSource source = CallSource::kAgent;
  std::optional<std::string> external_id;
  long long created_at = 0;
  std::optional<Fabrication> fabricated;
  // Filled when a call is handed out (not stored): who made it and whom it was to, by name.
  std::string agent_name;
  std::string customer_name;
};

struct CallFilter {
  std::optional<long long> agent_id;
  std::optional<long long> customer_id;
  std::optional<long long> from;  ///< started_at ≥ from (Unix seconds)
  std::optional<long long> to;    ///< started_at < to
};

}  // namespace waihu::calls
