#pragma once
// Small string helpers shared by every module. All strings are UTF-8.
#include <string>
#include <string_view>
#include <vector>

namespace waihu::util {

/// Removes ASCII whitespace and the full-width space (U+3000) from both ends.
std::string_view trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
std::string to_lower_ascii(std::string_view s);
/// Only the ASCII digits of s, in order ("138-1234 5678" -> "13812345678").
std::string digits_only(std::string_view s);
bool is_valid_utf8(std::string_view s);
/// Number of Unicode code points in valid UTF-8.
size_t utf8_length(std::string_view s);
/// Parses a whole string as a base-10 integer; false on any other character or overflow.
bool parse_int64(std::string_view s, long long& out);
/// Hex encoding of raw bytes.
std::string to_hex(std::string_view bytes);
std::string base64url_encode(std::string_view bytes);
bool base64url_decode(std::string_view text, std::string& out);
/// "%E5%A4%96" → its bytes; with `plus_is_space` (query strings) "+" is a space. A broken escape stays as it is.
std::string percent_decode(std::string_view s, bool plus_is_space);

}  // namespace waihu::util
