#pragma once
// Attendance (考勤, seed 004): "作业时刻为 9:00-18:00，凡迟到早退者罚款10元、扣除绩效分2分（30分钟内），超出30分钟按
// 旷工半日处理，扣除绩效分5分，旷工一天扣除绩效分10分，旷工一概按当日底薪三倍处分。（上下班有必要打卡，如不打者，视同
// 迟到、早退）". The workday's hours are the policy header's; everything else is the [attendance] section's.
#include <optional>
#include <string>
#include <vector>

namespace waihu::discipline {

/// How a day's base pay is derived from the monthly base (SPEC §11 choice 11); the pay issue prices fines by it.
enum class DayBase { kMonthOver21_75, kMonthOver22, kMonthOver30, kMonthOverWorkingDays };
std::string_view day_base_name(DayBase b);

struct AttendancePolicy {
  std::vector<std::string> roles;      ///< who clocks in (role names: "agent", "supervisor", …)
  long long minor_up_to_minutes = 30;  ///< late or early by at most this: the minor item; more: half a day absent
  long long minor_fine_fen = 0;
  long long minor_points = 0;
  bool major_also_minor_fine = false;  ///< more than the minor limit also costs the minor fine (choice 11)
  long long half_day_points = 0;
  long long day_points = 0;
  long long absence_base_times = 0;  ///< an absent day costs this many days' base pay (seed 004: 3)
  DayBase day_base = DayBase::kMonthOver21_75;
  bool half_day_costs_half = true;     ///< a half-day absence costs half of a day's fine (false: the whole)
  bool missing_clock_is_minor = true;  ///< no clock-in/out counts as the minor item (false: half a day absent)
  bool no_show_is_absent_day = true;   ///< neither clock nor call all day: absent a day (false: late and early)
};

/// One person's working day as the clock and the calls saw it; times as minutes after the company's midnight.
struct AttendanceFacts {
  int workday_start = 9 * 60, workday_end = 18 * 60;
  std::optional<int> clock_in, clock_out;
  bool worked = false;  ///< any call that day (evidence of presence without a clock)
};

/// A ledger entry the judgement makes: the catalogue item and what it costs.
struct Entry {
  std::string item;  ///< late, early, absent_half_day, absent_day, quota_short
  long long points = 0, fine_fen = 0;
  long long base_days_milli = 0;  ///< a fine counted in days of base pay, thousandths (3 days = 3000)
  std::string rule;               ///< the policy key it follows ("attendance.minor")
  std::string evidence;
};

struct AttendanceJudgement {
  std::string outcome;  ///< "present", or the items joined by "+" ("late", "late+absent_half_day", "absent_day")
  long long late_minutes = 0, early_minutes = 0;
  std::vector<Entry> entries;
};

}  // namespace waihu::discipline
