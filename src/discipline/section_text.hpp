#pragma once
// What the discipline sections share when they are read and shown in the rule book: the role names a section may
// list, money in yuan as people write it, points with their sign.
#include <initializer_list>
#include <string>
#include <string_view>

#include "util/strings.hpp"

namespace waihu::discipline {

inline const std::initializer_list<std::string_view> kSectionRoles = {"agent",     "field_rep", "supervisor", "manager",
                                                                      "assistant", "qa",        "director",   "admin"};

/// "10" for 1000 fen, "10.50" for 1050.
inline std::string yuan_text(long long fen) {
  return fen % 100 == 0 ? std::to_string(fen / 100) : util::format_yuan(fen);
}
/// Whether a ledger item's key is well formed: lower-case letters, digits and _, at most 40 ("personal_call").
inline bool is_item_key(std::string_view k) {
  if (k.empty() || k.size() > 40) return false;
  for (char c : k)
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  return true;
}
/// "+2", "-5", "0".
inline std::string signed_points(long long p) { return (p > 0 ? "+" : "") + std::to_string(p); }

}  // namespace waihu::discipline
