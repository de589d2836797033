#pragma once
// Work reports (汇报, seed 001 §5):
// "商务人员每周周六晚22:00前需通过电子邮件形式向其直接主管发送个人本周工作周报和下周工作
// 计划，邮件主送直接主管，抄送商务助理备档。如商务人员不能按时提交工作周报且无正当理由，则需缴纳罚款50元，半数罚款计入部门
// 活动经费" — the monthly report the same on the month's first working day; seed 004
// "一周上交一次作业总结，如不交者扣除 绩效分5分". Each kind's deadline and cost is the [reports] section's.
#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"

namespace waihu::discipline {

enum class ReportKind { kDaily, kWeekly, kMonthly };
std::string_view report_kind_name(ReportKind k);
std::optional<ReportKind> parse_report_kind(std::string_view s);

/// When a kind is due, relative to its period.
enum class DueDay {
  kSameDay,          ///< daily: the day itself
  kWeekday,          ///< weekly: a weekday of the report's own week (Saturday 22:00)
  kFirstWorkingDay,  ///< monthly: the first working day of the next month (SPEC §11 choice 18: it covers the month
                     ///< before)
};

struct ReportRule {
  ReportKind kind = ReportKind::kWeekly;
  DueDay due_day = DueDay::kWeekday;
  calendar::Weekday due_weekday = calendar::Weekday::kSaturday;  ///< kWeekday only
  int due_minute = 22 * 60;                                      ///< minutes after the due day's midnight
  /// SPEC §11 choice 13: true — a report sent after the deadline costs as much as none; false — only a report still
  /// missing when the due day is closed costs anything (a late one is marked late, free).
  bool late_as_missing = true;
  /// A week or month without a working day asks for no report (a holiday week).
  bool skip_without_work = true;
  std::string item;            ///< the ledger's item for the cost ("report_missing", or seed 004's "no_weekly_summary")
  long long fine_fen = 0;      ///< 罚款 (seed 001: 5000)
  long long fund_percent = 0;  ///< share of the fine into the team's activity fund (seed 001: 50, 半数)
  long long points = 0;        ///< seed 004: −5
};

struct ReportsPolicy {
  std::vector<std::string> roles;  ///< who writes reports (role names)
  std::vector<ReportRule> kinds;
  /// Days a person has to object to a report's cost ("无正当理由": a good reason is argued by objection); the
  /// [points] section's window wins where there is one.
  long long objection_days = 7;
};

/// How a period's report stands once its due day is over.
enum class ReportStanding { kOnTime, kLate, kMissing };
std::string_view report_standing_name(ReportStanding s);

}  // namespace waihu::discipline
