#include "crm/rules.hpp"

#include <array>

#include "util/strings.hpp"

namespace waihu::crm {

namespace {
// Decodes one UTF-8 code point at s[i], advancing i. Input is valid UTF-8 (checked at the edge).
char32_t next_cp(std::string_view s, size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += static_cast<size_t>(n);
  return cp;
}

void append_cp(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_punctuation(char32_t cp) {
  if (cp < 0x80) return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
  return (cp >= 0x3000 && cp <= 0x303F) || cp == 0x00B7 || (cp >= 0x2010 && cp <= 0x206F) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
         (cp >= 0xFF5B && cp <= 0xFF65);
}

// Longest first, so "股份有限公司" goes before "有限公司".
constexpr std::array<std::string_view, 16> kSuffixes{
    "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "责任公司", "集团公司", "总公司", "公司",
    "集团",         "corporation",  "limited",      "company",  "coltd",    "corp",     "ltd",    "inc"};
}  // namespace

std::string normalize_company(std::string_view name) {
  std::string folded;
  folded.reserve(name.size());
  for (size_t i = 0; i < name.size();) {
    char32_t cp = next_cp(name, i);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII → ASCII
    if (cp == 0x3000) cp = ' ';
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    if (is_punctuation(cp)) continue;
    append_cp(folded, cp);
  }
  for (bool again = true; again;) {
    again = false;
    for (auto suffix : kSuffixes) {
      if (folded.size() > suffix.size() && folded.ends_with(suffix)) {
        folded.resize(folded.size() - suffix.size());
        again = true;
        break;
      }
    }
  }
  return folded;
}

std::string national_digits(std::string_view e164) {
  if (!e164.starts_with("+86")) return util::digits_only(e164);
  std::string nsn(e164.substr(3));
  // Mobiles (1 + 10 digits) and 400/800 service numbers are written as they are; fixed lines, Beijing's 10…
  // included, are dialled with the trunk 0.
  bool mobile = nsn.size() == 11 && nsn[0] == '1';
  bool service = nsn.size() == 10 && (nsn.starts_with("400") || nsn.starts_with("800"));
  bool trunk = !nsn.empty() && !mobile && !service;
  return trunk ? "0" + nsn : nsn;
}

std::string mask_phone(std::string_view e164) {
  std::string digits = national_digits(e164);
  if (digits.size() <= 7) {
    return std::string(digits.size() > 2 ? digits.size() - 2 : 0, '*') +
           digits.substr(digits.size() > 2 ? digits.size() - 2 : 0);
  }
  return digits.substr(0, 3) + "****" + digits.substr(digits.size() - 4);
}

std::optional<std::string> parse_grade(std::string_view s) {
  std::string_view t = util::trim(s);
  if (t.empty()) return std::string();
  if (t == "Ａ" || t == "ａ") return "A";
  if (t == "Ｂ" || t == "ｂ") return "B";
  if (t == "Ｃ" || t == "ｃ") return "C";
  if (t == "Ｄ" || t == "ｄ") return "D";
  if (t.ends_with("类") || t.ends_with("级")) t.remove_suffix(3);
  if (t.size() == 1) {
    char c = t[0];
    if (c >= 'a' && c <= 'd') c = static_cast<char>(c - 'a' + 'A');
    if (c >= 'A' && c <= 'D') return std::string(1, c);
  }
  return std::nullopt;
}

bool can_change_status(CustomerStatus from, CustomerStatus to) {
  using S = CustomerStatus;
  if (from == to) return true;
  auto rank = [](S s) { return static_cast<int>(s); };
  switch (from) {
    case S::kWon:
    case S::kInvalid:
      return false;
    case S::kLost:
      return to == S::kFollowing || to == S::kInvalid;
    default:
      if (to == S::kLost || to == S::kInvalid) return true;
      return to != S::kLost && rank(to) > rank(from) && rank(to) <= rank(S::kWon);
  }
}

CustomerStatus status_after_moves(CustomerStatus current, const std::vector<CustomerStatus>& moves_in_order) {
  for (CustomerStatus next : moves_in_order) {
    if (can_change_status(current, next)) current = next;
  }
  return current;
}

std::string mask_person_name(std::string_view name) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < name.size();) {
    const auto lead = static_cast<unsigned char>(name[i]);
    const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (chars++ == 0) {
      out.append(name.substr(i, len));
    } else {
      out += '*';
    }
    i += len;
  }
  return out;
}

util::Label status_label(CustomerStatus s) {
  static constexpr std::array<util::Label, 7> kLabels{{{"新客户", "New"},
                                                       {"已联系", "Contacted"},
                                                       {"意向", "Interested"},
                                                       {"跟进中", "Following up"},
                                                       {"成交", "Won"},
                                                       {"流失", "Lost"},
                                                       {"无效", "Invalid"}}};
  return kLabels[static_cast<size_t>(s)];
}

std::string_view status_label_zh(CustomerStatus s) { return status_label(s).zh; }

std::optional<CustomerStatus> parse_status_text(std::string_view s) {
  std::string_view t = util::trim(s);
  if (t.empty()) return CustomerStatus::kNew;
  if (auto st = parse_status(util::to_lower_ascii(t))) return st;
  struct Alias {
    std::string_view text;
    CustomerStatus status;
  };
  static constexpr std::array<Alias, 12> kAliases{{{"新客户", CustomerStatus::kNew},
                                                   {"新建", CustomerStatus::kNew},
                                                   {"已联系", CustomerStatus::kContacted},
                                                   {"意向", CustomerStatus::kInterested},
                                                   {"有意向", CustomerStatus::kInterested},
                                                   {"跟进中", CustomerStatus::kFollowing},
                                                   {"跟进", CustomerStatus::kFollowing},
                                                   {"成交", CustomerStatus::kWon},
                                                   {"已成交", CustomerStatus::kWon},
                                                   {"流失", CustomerStatus::kLost},
                                                   {"空号", CustomerStatus::kInvalid},
                                                   {"无效", CustomerStatus::kInvalid}}};
  for (const auto& a : kAliases) {
    if (a.text == t) return a.status;
  }
  // The English export's labels ("Following up") read back too.
  const std::string lower = util::to_lower_ascii(t);
  for (int i = 0; i <= static_cast<int>(CustomerStatus::kInvalid); ++i) {
    auto st = static_cast<CustomerStatus>(i);
    if (util::to_lower_ascii(status_label(st).en) == lower) return st;
  }
  return std::nullopt;
}

}  // namespace waihu::crm
