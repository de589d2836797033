#include "discipline/attendance_section.hpp"

#include <algorithm>

#include "discipline/attendance_rules.hpp"
#include "discipline/section_text.hpp"
#include "util/strings.hpp"

namespace waihu::discipline {

namespace {
// "1.5" for 1500 thousandths.
std::string days(long long milli) {
  std::string s = std::to_string(milli / 1000);
  if (milli % 1000) {
    std::string frac = std::to_string(1000 + milli % 1000).substr(1);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    s += "." + frac;
  }
  return s;
}
}  // namespace

std::optional<AttendancePolicy> read_attendance_section(const policy::Document& doc, bool& ok) {
  auto s = doc.root().table("attendance", false);
  if (!s) return std::nullopt;
  AttendancePolicy p;
  bool good = true;
  auto need = [&](auto v) {
    if (!v) good = false;
    return v;
  };
  if (auto roles = need(s->texts("roles", kSectionRoles))) {
    p.roles = *roles;
    if (p.roles.empty()) {
      s->problem("roles", "name at least one role that clocks in");
      good = false;
    }
  }
  p.minor_up_to_minutes = need(s->integer("minor_up_to_minutes", {.min = 0, .max = 600})).value_or(0);
  if (auto minor = need(s->table("minor"))) {
    p.minor_fine_fen = need(minor->integer("fine_fen", {.min = 0, .max = 100'000'000})).value_or(0);
    p.minor_points = need(minor->integer("points", {.min = -1000, .max = 0})).value_or(0);
  }
  p.major_also_minor_fine = need(s->boolean("over_minor_also_fined")).value_or(false);
  if (auto half = need(s->table("half_day")))
    p.half_day_points = need(half->integer("points", {.min = -1000, .max = 0})).value_or(0);
  if (auto day = need(s->table("day")))
    p.day_points = need(day->integer("points", {.min = -1000, .max = 0})).value_or(0);
  if (auto fine = need(s->table("absence_fine"))) {
    p.absence_base_times = need(fine->integer("day_base_times", {.min = 0, .max = 30})).value_or(0);
    if (auto base = need(fine->choice(
            "day_base", {"month_over_21.75", "month_over_22", "month_over_30", "month_over_working_days"}))) {
      p.day_base = *base == "month_over_21.75" ? DayBase::kMonthOver21_75
                   : *base == "month_over_22"  ? DayBase::kMonthOver22
                   : *base == "month_over_30"  ? DayBase::kMonthOver30
                                               : DayBase::kMonthOverWorkingDays;
    }
    if (auto half = need(fine->choice("half_day", {"half", "whole"}))) p.half_day_costs_half = *half == "half";
  }
  if (auto missing = need(s->choice("missing_clock", {"minor", "half_day"})))
    p.missing_clock_is_minor = *missing == "minor";
  if (auto no_show = need(s->choice("no_show", {"absent_day", "late_and_early"})))
    p.no_show_is_absent_day = *no_show == "absent_day";
  if (!good) {
    ok = false;
    return std::nullopt;
  }
  return p;
}

policy::RuleSection describe_attendance(const AttendancePolicy& p, const policy::Header& h) {
  policy::RuleSection s{"attendance", "考勤", "Attendance", {}, {}};
  const std::string hours = policy::format_minutes(h.workday_start) + "–" + policy::format_minutes(h.workday_end);
  const std::string minutes = std::to_string(p.minor_up_to_minutes);
  s.zh.push_back("作业时间 " + hours + "，上下班均须打卡（" + util::join(p.roles, "、") + "）");
  s.en.push_back("Workday " + hours + "; clock in and out (" + util::join(p.roles, ", ") + ")");
  s.zh.push_back("迟到或早退 " + minutes + " 分钟以内（含）：罚 " + yuan_text(p.minor_fine_fen) + " 元，绩效分 " +
                 signed_points(p.minor_points) + "；按整分钟计，09:00:59 打卡不算迟到");
  s.en.push_back("Late or early by up to " + minutes + " minutes (included): a fine of " + yuan_text(p.minor_fine_fen) +
                 " yuan, " + signed_points(p.minor_points) + " points; whole clock minutes (09:00:59 is on time)");
  const std::string half_cost = days(p.absence_base_times * (p.half_day_costs_half ? 500 : 1000));
  s.zh.push_back("超过 " + minutes + " 分钟按旷工半日：绩效分 " + signed_points(p.half_day_points) + "，罚 " +
                 half_cost + " 日底薪" +
                 (p.major_also_minor_fine ? "，另罚 " + yuan_text(p.minor_fine_fen) + " 元"
                                          : "，不另罚 " + yuan_text(p.minor_fine_fen) + " 元"));
  s.en.push_back("More than " + minutes + " minutes: half a day absent, " + signed_points(p.half_day_points) +
                 " points and " + half_cost + " days' base pay" +
                 (p.major_also_minor_fine ? ", plus the " : ", without the ") + yuan_text(p.minor_fine_fen) +
                 " yuan fine");
  s.zh.push_back("旷工一天：绩效分 " + signed_points(p.day_points) + "，罚 " + days(p.absence_base_times * 1000) +
                 " 日底薪（日底薪 = " + std::string(day_base_name(p.day_base)) + "）");
  s.en.push_back("A day absent: " + signed_points(p.day_points) + " points and " + days(p.absence_base_times * 1000) +
                 " days' base pay (a day's base = " + std::string(day_base_name(p.day_base)) + ")");
  s.zh.push_back(std::string("未打卡视同") + (p.missing_clock_is_minor ? "迟到、早退" : "旷工半日") +
                 "；全天未打卡且无通话" + (p.no_show_is_absent_day ? "按旷工一天" : "按迟到加早退"));
  s.en.push_back(std::string("A missing clock-in or clock-out counts as ") +
                 (p.missing_clock_is_minor ? "late or early" : "half a day absent") +
                 "; no clock and no call all day counts as " +
                 (p.no_show_is_absent_day ? "a day absent" : "late and early"));
  return s;
}

bool check_attendance_example(const policy::Table& ex, const AttendancePolicy* p, const policy::Header* h) {
  const std::string name = ex.text("name").value_or("?");
  AttendanceFacts f;
  f.clock_in = ex.time_of_day("clock_in", false);
  f.clock_out = ex.time_of_day("clock_out", false);
  f.worked = ex.integer("calls", {.min = 0, .max = 100000}, false).value_or(0) > 0;
  auto expect = ex.table("expect");
  if (!expect) return false;
  auto items = expect->texts("items", {"late", "early", "absent_half_day", "absent_day"}, false);
  auto want_points = expect->integer("points", {.min = -10000, .max = 10000}, false);
  auto want_fine = expect->integer("fine_fen", {.min = 0}, false);
  auto want_days = expect->hundredths("base_days", false);
  if (!p || !h) return false;
  f.workday_start = h->workday_start;
  f.workday_end = h->workday_end;
  const AttendanceJudgement j = judge_day(*p, f);
  long long pts = 0, fine = 0, milli = 0;
  std::vector<std::string> got;
  for (const auto& e : j.entries) {
    pts += e.points;
    fine += e.fine_fen;
    milli += e.base_days_milli;
    got.push_back(e.item);
  }
  auto differs = [&](const char* key, const std::string& g, const std::string& w) {
    if (g != w)
      expect->problem(key, "example \"" + name + "\": " + key + " comes out " + g + ", the example expects " + w);
  };
  if (items) differs("items", "[" + util::join(got, ", ") + "]", "[" + util::join(*items, ", ") + "]");
  if (want_points) differs("points", std::to_string(pts), std::to_string(*want_points));
  if (want_fine) differs("fine_fen", std::to_string(fine), std::to_string(*want_fine));
  if (want_days) differs("base_days", days(milli), days(*want_days * 10));
  return true;
}

}  // namespace waihu::discipline
