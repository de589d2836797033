#include "util/strings.hpp"

#include <cctype>
#include <charconv>
#include <cstdio>

namespace waihu::util {

namespace {
// Characters that take no room on screen: a value made only of them (and spaces) is blank. U+3000 is the
// full-width space; U+200B-U+200D zero-width space and joiners; U+2060 word joiner; U+FEFF a stray BOM.
constexpr std::string_view kInvisible[] = {"\xE3\x80\x80", "\xE2\x80\x8B", "\xE2\x80\x8C",
                                           "\xE2\x80\x8D", "\xE2\x81\xA0", "\xEF\xBB\xBF"};

bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

size_t invisible_prefix(std::string_view s) {
  if (!s.empty() && ascii_space(s.front())) return 1;
  for (auto inv : kInvisible) {
    if (s.starts_with(inv)) return inv.size();
  }
  return 0;
}

size_t invisible_suffix(std::string_view s) {
  if (!s.empty() && ascii_space(s.back())) return 1;
  for (auto inv : kInvisible) {
    if (s.ends_with(inv)) return inv.size();
  }
  return 0;
}

// U+202A-U+202E (embeddings and overrides) and U+2066-U+2069 (isolates): they reorder what a reader sees, so
// "13812345678" can display as another number.
size_t bidi_control_at(std::string_view s, size_t i) {
  if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) != 0xE2) return 0;
  auto b1 = static_cast<unsigned char>(s[i + 1]);
  auto b2 = static_cast<unsigned char>(s[i + 2]);
  if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) return 3;
  if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return 3;
  return 0;
}
}  // namespace

std::string_view trim(std::string_view s) {
  while (size_t n = invisible_prefix(s)) s.remove_prefix(n);
  while (size_t n = invisible_suffix(s)) s.remove_suffix(n);
  return s;
}

void clean_text_in_place(std::string& s) {
  if (s.find('\0') == std::string::npos && s.find('\xE2') == std::string::npos) return;  // the usual case
  size_t out = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\0') continue;
    if (size_t n = bidi_control_at(s, i)) {
      i += n - 1;
      continue;
    }
    s[out++] = s[i];
  }
  s.resize(out);
}

std::string clean_text(std::string_view s) {
  std::string out(s);
  clean_text_in_place(out);
  return out;
}

std::string like_pattern(std::string_view s) {
  std::string out = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

bool is_plain_number(std::string_view s) {
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) s.remove_prefix(1);
  bool digits = false;
  bool point = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c == '.' && !point && digits) {
      point = true;
    } else {
      return false;
    }
  }
  return digits && s.back() != '.';
}

std::string spreadsheet_safe(std::string_view cell) {
  if (cell.empty()) return std::string(cell);
  char c = cell.front();
  bool trigger = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  if (!trigger || is_plain_number(cell)) return std::string(cell);
  return "'" + std::string(cell);
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t pos = s.find(sep, start);
    out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string digits_only(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int extra;
    unsigned min;
    unsigned cp;
    if ((c & 0xE0) == 0xC0) {
      extra = 1, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, min = 0x10000, cp = c & 0x07;
    } else {
      return false;
    }
    if (end - p <= extra) return false;
    for (int i = 1; i <= extra; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += extra + 1;
  }
  return true;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool parse_int64(std::string_view s, long long& out) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

std::string to_hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  }
  return out;
}

namespace {
constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  unsigned val = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    val = (val << 8) | c;
    bits += 8;
    while (bits >= 6) {
      out += kB64[(val >> (bits - 6)) & 0x3F];
      bits -= 6;
    }
  }
  if (bits > 0) out += kB64[(val << (6 - bits)) & 0x3F];
  return out;
}

bool base64url_decode(std::string_view text, std::string& out) {
  out.clear();
  unsigned val = 0;
  int bits = 0;
  for (char c : text) {
    const char* pos = std::char_traits<char>::find(kB64, 64, c);
    if (!pos) return false;
    val = (val << 6) | static_cast<unsigned>(pos - kB64);
    bits += 6;
    if (bits >= 8) {
      out += static_cast<char>((val >> (bits - 8)) & 0xFF);
      bits -= 8;
    }
  }
  return true;
}

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (plus_is_space && s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string clock_time(int m) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (m / 60) % 100, m % 60);
  return buf;
}

std::string format_yuan(long long fen) {
  unsigned long long abs =
      fen < 0 ? static_cast<unsigned long long>(-(fen + 1)) + 1 : static_cast<unsigned long long>(fen);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s%llu.%02llu", fen < 0 ? "-" : "", abs / 100, abs % 100);
  return buf;
}

}  // namespace waihu::util
