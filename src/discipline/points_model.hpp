#pragma once
// Performance points (绩效分, seed 004): "每月每个职工有100分的根底分，月底高于120分者奖200元，低于80分者扣200元", and
// the catalogue of items supervisors enter (missing a company meeting −2, personal calls −10 and 100 yuan, …).
// Everything here is the [points] section's; attendance items come from [attendance].
#include <string>
#include <string_view>
#include <vector>

namespace waihu::discipline {

/// Whether entering an item raises a dismissal case for a manager instead of (or besides) the points.
enum class Dismissal {
  kNever,      ///< points (and any fine) only
  kAlways,     ///< a case, no points: leaking data, diverting payments (直接解雇)
  kIfSerious,  ///< points; the person entering it may mark it serious, which raises a case (严重者直接解雇)
};

struct PointsItem {
  std::string key;  ///< missed_meeting, personal_call, … (scenarios and other policies name items by it)
  std::string zh, en;
  long long points = 0;    ///< negative: a deduction (扣分); positive: a bonus item (奖分)
  long long fine_fen = 0;  ///< a fine with it (personal calls: 10000)
  Dismissal dismissal = Dismissal::kNever;
};

struct PointsPolicy {
  std::vector<std::string> roles;  ///< who keeps a points ledger (role names)
  long long base = 100;            ///< every month starts here
  long long bonus_above = 120, bonus_fen = 0;
  long long penalty_below = 80, penalty_fen = 0;
  /// Whether landing exactly on a threshold counts (SPEC §11 choice 12: seed 004 says 高于 / 低于, so no).
  bool inclusive = false;
  long long objection_days = 7;  ///< an entry may be objected to this many days after it was entered
  std::vector<PointsItem> items;
};

/// What a record found fabricated on audit costs (虚报, seed 000 "虚报一经查实一次扣除50元罚款"): each record marked,
/// once.
struct FabricationPolicy {
  long long fine_fen = 0;
  long long points = 0;  ///< zero or negative
};

/// A month's end: where the points started and ended, and the money it brings.
struct MonthEnd {
  long long start = 0, end = 0;
  long long bonus_fen = 0, penalty_fen = 0;
};

/// Items the closing runs write; a catalogue may not reuse them (they are not entered by hand).
inline constexpr std::string_view kAutomaticItems[] = {"late",           "early",       "absent_half_day", "absent_day",
                                                       "quota_short",    "month_bonus", "month_penalty",   "correction",
                                                       "report_missing", "fabricated"};

}  // namespace waihu::discipline
