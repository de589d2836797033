#pragma once
// Daily quotas (日清日结, seed 000/003): per metric a day's target, a different one for new hires (it may be higher:
// preset B), and a fine per unit short. Who is a new hire is the policy's to say — seed 003 方案2 "入职不满半个月",
// 方案1 "加入公司不足半年及在加入公司前从事电话行销工作不足一年" (all of the stated conditions, or any).
#include <optional>
#include <string>
#include <vector>

namespace waihu::quota {

struct NewHireRule {
  std::optional<long long> in_company_under_days;    ///< days completed before the day: 15 → the first 15 days
  std::optional<long long> in_company_under_months;  ///< whole months since the hire date
  std::optional<long long> prior_months_under;       ///< telesales experience before joining
  bool all = true;                                   ///< every stated condition must hold (false: any one)
};

struct DailyTarget {
  std::string metric;
  long long target = 0;
  std::string new_hire_metric;  ///< the metric a new hire's target counts (usually the same)
  long long new_hire_target = 0;
  long long fine_per_unit_fen = 0;  ///< 0: no fine for this metric (stated, not assumed)
};

/// How an approved customer visit (外出拜访) lowers the day's targets — seed 003 方案2
/// "如外出拜访客户可根据时间适当减少 电话量" (SPEC §11 choice 8): pro rata to the time out of the workday, the lowered
/// target rounded as stated.
enum class VisitRounding { kUp, kDown, kHalfUp };
struct VisitRule {
  VisitRounding rounding = VisitRounding::kUp;
};

/// What a shortfall costs besides fines (seed 003): who is still short at the check time stays late — preset A
/// "until done", preset B 30 minutes — and, in preset B, whoever is still short owes Sunday overtime. SPEC §11
/// choice 10: whether work finished in the extension counts toward the day, and whether Sunday overtime is owed
/// once a week or once per day short.
enum class SundayOvertime { kNone, kPerWeek, kPerDay };
/// Who signs off the figures compiled at the check time (seed 003 方案1: "交部门经理审核").
enum class CountApproval { kNone, kSupervisor, kManager };
struct ShortfallRule {
  int check_minute = 18 * 60;            ///< when the day's figures are compiled (B: 10 minutes before the end)
  std::optional<int> stay_late_minutes;  ///< none: until done
  bool extension_counts = true;          ///< work finished in the extension clears the shortfall
  SundayOvertime sunday = SundayOvertime::kNone;
  CountApproval approval = CountApproval::kNone;  ///< none: the count stands without a sign-off
};

struct QuotaPolicy {
  NewHireRule new_hire;
  std::vector<DailyTarget> daily;
  std::optional<VisitRule> visits;         ///< none: a visit does not lower the targets (the rule book says so)
  std::optional<ShortfallRule> shortfall;  ///< none: a shortfall costs only its fines
};

/// The time a person was out on approved visits on a day, and the workday it is a share of.
struct TimeOut {
  long long minutes = 0;
  long long workday_minutes = 0;
};

/// One target's outcome on one day.
struct QuotaResult {
  std::string metric;
  long long target = 0, actual = 0, short_by = 0, fine_fen = 0;
  long long full_target = 0;  ///< before a visit lowered it (equal to target without one)
};

}  // namespace waihu::quota
