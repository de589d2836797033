#include "discipline/attendance_rules.hpp"

#include <algorithm>
#include <cstdio>

#include "util/strings.hpp"

namespace waihu::discipline {

std::string_view day_base_name(DayBase b) {
  switch (b) {
    case DayBase::kMonthOver21_75:
      return "month_over_21.75";
    case DayBase::kMonthOver22:
      return "month_over_22";
    case DayBase::kMonthOver30:
      return "month_over_30";
    case DayBase::kMonthOverWorkingDays:
      return "month_over_working_days";
  }
  return "";
}

namespace {

Entry half_day(const AttendancePolicy& p, const std::string& evidence) {
  Entry e{"absent_half_day", p.half_day_points, 0, 0, "attendance.half_day", evidence};
  e.base_days_milli = p.absence_base_times * (p.half_day_costs_half ? 500 : 1000);
  if (p.major_also_minor_fine) e.fine_fen = p.minor_fine_fen;
  return e;
}

// One side of the day: late in the morning or early in the evening.
void judge_side(const AttendancePolicy& p, std::optional<int> minutes, const char* item, const std::string& what,
                AttendanceJudgement& out) {
  if (!minutes) {
    const std::string evidence = "未打卡 / no " + what;
    if (p.missing_clock_is_minor)
      out.entries.push_back({item, p.minor_points, p.minor_fine_fen, 0, "attendance.missing_clock", evidence});
    else
      out.entries.push_back(half_day(p, evidence));
    return;
  }
  if (*minutes <= 0) return;
  const std::string evidence = what + " " + std::to_string(*minutes) + " min";
  if (*minutes <= p.minor_up_to_minutes)
    out.entries.push_back({item, p.minor_points, p.minor_fine_fen, 0, "attendance.minor", evidence});
  else
    out.entries.push_back(half_day(p, evidence));
}

}  // namespace

AttendanceJudgement judge_day(const AttendancePolicy& p, const AttendanceFacts& f) {
  AttendanceJudgement out;
  if (!f.clock_in && !f.clock_out && !f.worked && p.no_show_is_absent_day) {
    out.outcome = "absent_day";
    out.entries.push_back({"absent_day", p.day_points, 0, p.absence_base_times * 1000, "attendance.day",
                           "未打卡且无通话 / no clock and no call"});
    return out;
  }
  std::optional<int> late, early;
  if (f.clock_in) late = out.late_minutes = std::max(0, *f.clock_in - f.workday_start);
  if (f.clock_out) early = out.early_minutes = std::max(0, f.workday_end - *f.clock_out);
  judge_side(p, late, "late",
             f.clock_in ? "上班打卡 " + util::clock_time(*f.clock_in) + " / clock-in, late" : "clock-in", out);
  judge_side(p, early, "early",
             f.clock_out ? "下班打卡 " + util::clock_time(*f.clock_out) + " / clock-out, early" : "clock-out", out);
  for (const auto& e : out.entries) out.outcome += (out.outcome.empty() ? "" : "+") + e.item;
  if (out.outcome.empty()) out.outcome = "present";
  return out;
}

}  // namespace waihu::discipline
