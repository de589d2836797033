#pragma once
// Pure rules for the phone system's call detail records (CDRs): which agent a channel names, what a disposition
// means, which outbound prefix to strip, and how the plain CSV layout names its columns and results.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calls/model.hpp"
#include "util/sheet_columns.hpp"

namespace waihu::calls {

enum class CdrFormat {
  kAsterisk,  ///< Asterisk cdr_csv Master.csv: no header, fixed columns
  kCsv,       ///< Waihu's plain layout with a header (docs/cdr-import.md)
};
std::optional<CdrFormat> parse_cdr_format(std::string_view s);

/// The extension a channel name carries: "SIP/8001-0000002a", "PJSIP/8001-00000001", "IAX2/8001-3",
/// "Local/8001@from-internal-0000;1" → "8001". "" when the name has no "tech/" part.
std::string_view channel_extension(std::string_view channel);

/// ANSWERED → connected, NO ANSWER → no_answer, BUSY → busy, FAILED and CONGESTION → failed; nullopt otherwise.
std::optional<CallResult> result_of_disposition(std::string_view disposition);

/// `number` without the first of `prefixes` it starts with (an outbound prefix such as "9" or "0"), unless
/// that would leave nothing.
std::string_view strip_dial_prefix(std::string_view number, const std::vector<std::string>& prefixes);

/// "9, 0" → {"9", "0"}: the --strip-prefix list (blanks dropped).
std::vector<std::string> parse_prefix_list(const std::string& text);

/// A result as the CSV layout writes it: Waihu's names (connected, no_answer, …) or the Chinese words offices
/// use (接通, 未接, 占线, 空号, 拒接, 要求回电, 有意向, 成交, 失败).
std::optional<CallResult> parse_result_text(std::string_view text);

/// Columns of the CSV layout.
enum class CdrColumn { kAgent, kNumber, kStart, kTalkSeconds, kResult, kRingSeconds, kId, kRecording, kDirection };
/// The CSV layout's columns from its header row. Throws std::invalid_argument naming the required columns
/// (agent, number, start, result) that are missing, or a column given twice.
util::SheetColumns map_cdr_header(const std::vector<std::string>& header);

}  // namespace waihu::calls
