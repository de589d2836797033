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
/// "+2", "-5", "0".
inline std::string signed_points(long long p) { return (p > 0 ? "+" : "") + std::to_string(p); }

}  // namespace waihu::discipline
