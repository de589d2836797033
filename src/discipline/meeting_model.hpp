#pragma once
// Meetings (例会, 公司会议; seed 004 "公司会议一概按时参与，未经许可迟到、早退或无故缺席者扣除绩效分2分",
// "每天17:00-18:00 是电话出售员例会"; seed 001's morning and evening meetings): the kinds a company holds, when,
// whether inside the workday (SPEC §11 choice 15), and the points item a missed one costs.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waihu::discipline {

struct MeetingKind {
  std::string kind;  ///< team_daily, company, …
  std::string zh, en;
  std::optional<int> at;       ///< its usual start, minutes after midnight
  int minutes = 60;            ///< its usual length
  bool within_workday = true;  ///< choice 15: held in working time, or before or after it
  std::string missed_item;     ///< the [points] item a late arrival, early leave or absence costs; "": recorded only
};

struct MeetingsPolicy {
  std::vector<MeetingKind> kinds;
  const MeetingKind* find(std::string_view kind) const {
    for (const auto& k : kinds)
      if (k.kind == kind) return &k;
    return nullptr;
  }
};

/// How someone attended: on time, late, left early, absent, or excused (leave, or the holder's permission).
enum class Attendance { kPresent, kLate, kLeftEarly, kAbsent, kExcused };
std::string_view attendance_name(Attendance a);
std::optional<Attendance> parse_attendance(std::string_view s);
/// Whether it costs the kind's item: late, early and absent do ("未经许可迟到、早退或无故缺席").
bool attendance_costs(Attendance a);

}  // namespace waihu::discipline
