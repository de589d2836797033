#include "calls/cdr_rules.hpp"

#include <array>
#include <utility>

#include "util/strings.hpp"

namespace waihu::calls {

std::optional<CdrFormat> parse_cdr_format(std::string_view s) {
  if (s == "asterisk") return CdrFormat::kAsterisk;
  if (s == "csv") return CdrFormat::kCsv;
  return std::nullopt;
}

std::string_view channel_extension(std::string_view channel) {
  size_t slash = channel.find('/');
  if (slash == std::string_view::npos) return {};
  std::string_view rest = channel.substr(slash + 1);
  // The peer name ends at the channel's sequence ("-0000002a"), the context ("@from-internal") or the
  // Local channel's side (";1").
  size_t end = rest.find_first_of("-@;/");
  return rest.substr(0, end);
}

std::optional<CallResult> result_of_disposition(std::string_view d) {
  std::string word = util::to_lower_ascii(util::trim(d));
  if (word == "answered") return CallResult::kConnected;
  if (word == "no answer") return CallResult::kNoAnswer;
  if (word == "busy") return CallResult::kBusy;
  if (word == "failed" || word == "congestion") return CallResult::kFailed;
  return std::nullopt;
}

std::string_view strip_dial_prefix(std::string_view number, const std::vector<std::string>& prefixes) {
  for (const auto& p : prefixes) {
    if (!p.empty() && number.size() > p.size() && number.starts_with(p)) return number.substr(p.size());
  }
  return number;
}

std::vector<std::string> parse_prefix_list(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string_view p = util::trim(std::string_view(text).substr(start, comma - start));
    if (!p.empty()) out.emplace_back(p);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

std::optional<CallResult> parse_result_text(std::string_view text) {
  std::string t = util::to_lower_ascii(util::trim(text));
  if (auto r = parse_call_result(t)) return r;
  static const std::array<std::pair<std::string_view, CallResult>, 16> kWords{{
      {"未接", CallResult::kNoAnswer},
      {"无人接听", CallResult::kNoAnswer},
      {"no answer", CallResult::kNoAnswer},
      {"占线", CallResult::kBusy},
      {"空号", CallResult::kInvalidNumber},
      {"错号", CallResult::kInvalidNumber},
      {"拒接", CallResult::kRefused},
      {"拒绝", CallResult::kRefused},
      {"接通", CallResult::kConnected},
      {"answered", CallResult::kConnected},
      {"要求回电", CallResult::kCallbackRequested},
      {"有意向", CallResult::kInterested},
      {"意向", CallResult::kInterested},
      {"成交", CallResult::kDeal},
      {"失败", CallResult::kFailed},
      {"呼叫失败", CallResult::kFailed},
  }};
  for (const auto& [word, result] : kWords) {
    if (t == word) return result;
  }
  return std::nullopt;
}

namespace {
using C = CdrColumn;
constexpr auto kHeaders = std::to_array<util::HeaderName>({
    {"agent", int(C::kAgent)},
    {"extension", int(C::kAgent)},
    {"username", int(C::kAgent)},
    {"坐席", int(C::kAgent)},
    {"分机", int(C::kAgent)},
    {"分机号", int(C::kAgent)},
    {"工号", int(C::kAgent)},
    {"number", int(C::kNumber)},
    {"号码", int(C::kNumber)},
    {"被叫", int(C::kNumber)},
    {"被叫号码", int(C::kNumber)},
    {"start", int(C::kStart)},
    {"开始时间", int(C::kStart)},
    {"呼叫时间", int(C::kStart)},
    {"talk_seconds", int(C::kTalkSeconds)},
    {"通话时长", int(C::kTalkSeconds)},
    {"通话秒数", int(C::kTalkSeconds)},
    {"result", int(C::kResult)},
    {"结果", int(C::kResult)},
    {"ring_seconds", int(C::kRingSeconds)},
    {"振铃秒数", int(C::kRingSeconds)},
    {"id", int(C::kId)},
    {"通话编号", int(C::kId)},
    {"uniqueid", int(C::kId)},
    {"recording", int(C::kRecording)},
    {"录音", int(C::kRecording)},
    {"direction", int(C::kDirection)},
    {"方向", int(C::kDirection)},
});
constexpr std::array<std::string_view, 9> kNames{"agent",        "number", "start",     "talk_seconds", "result",
                                                 "ring_seconds", "id",     "recording", "direction"};
constexpr std::array<int, 4> kRequired{int(C::kAgent), int(C::kNumber), int(C::kStart), int(C::kResult)};
}  // namespace

util::SheetColumns map_cdr_header(const std::vector<std::string>& header) {
  return util::map_sheet_header(header, kHeaders, kRequired, kNames);
}

}  // namespace waihu::calls
