#pragma once
// Small string helpers shared by every module. All strings are UTF-8.
#include <string>
#include <string_view>
#include <vector>

namespace waihu::util {

/// Removes from both ends what shows as nothing: ASCII whitespace, the full-width space (U+3000), zero-width
/// spaces and joiners (U+200B-U+200D, U+2060) and a stray BOM (U+FEFF). A value that trims to "" is blank.
std::string_view trim(std::string_view s);
/// Text as it may be stored: NUL bytes and the bidi embedding, override and isolate controls (U+202A-U+202E,
/// U+2066-U+2069) removed; everything else kept as it is.
std::string clean_text(std::string_view s);
void clean_text_in_place(std::string& s);
/// A LIKE pattern matching `s` anywhere, its `%`, `_` and `\` literal: use with `ESCAPE '\'`.
std::string like_pattern(std::string_view s);
/// True for a plain decimal number: an optional sign, digits, at most one point between digits ("-12.5", "+86138").
bool is_plain_number(std::string_view s);
/// A cell as a spreadsheet may show it without running it: text starting with = + - @, a tab or a CR gets a
/// leading apostrophe (Excel's text marker), unless it is a plain number. Every export's text cells go through it.
std::string spreadsheet_safe(std::string_view cell);
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

/// "1234.50" from 123450 fen (negative amounts keep their sign).
std::string format_yuan(long long fen);
/// "09:05" for 545 minutes after midnight ("24:00" for a day's end).
std::string clock_time(int minutes_after_midnight);

}  // namespace waihu::util
