#pragma once
// The quota rules, pure: who counts as a new hire on a day, and a day's figures against its targets.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "quota/model.hpp"

namespace waihu::quota {

/// Whether someone hired on `hired` with `prior_months` of telesales before is a new hire on `day`. Without any
/// stated condition nobody is; someone hired after `day` is.
bool is_new_hire(const NewHireRule& rule, const calendar::LocalDate& hired, long long prior_months,
                 const calendar::LocalDate& day);

/// Whole months from `from` to `to` (2026-05-10 → 2026-11-09: 5; → 2026-11-10: 6). A month end counts as the
/// month's day when the later month is shorter (01-31 → 02-28 is one month).
long long whole_months(const calendar::LocalDate& from, const calendar::LocalDate& to);

/// Each target against the day's figures (metric name → value; a metric absent counts 0): the metric counted,
/// target, actual, short by, and the fine for the shortfall.
std::vector<QuotaResult> evaluate_day(const QuotaPolicy& policy, const std::map<std::string, long long>& figures,
                                      bool new_hire, const TimeOut& out = {});

/// A target lowered for time out: target × (workday − out) ÷ workday, rounded as the rule says; the target itself
/// without a rule, without time out or without a workday; 0 when out the whole day.
long long lowered_target(long long target, const std::optional<VisitRule>& rule, const TimeOut& out);

struct PersonDay {
  bool new_hire = false;
  std::vector<QuotaResult> results;
};
/// A person's day: new hire or not by their hire date ("YYYY-MM-DD"; empty or unreadable: a veteran) and prior
/// experience, and the targets that apply against the figures.
PersonDay judge_person_day(const QuotaPolicy& policy, std::string_view hired_on, long long prior_months,
                           const calendar::LocalDate& day, const std::map<std::string, long long>& figures,
                           const TimeOut& out = {});

/// What a shortfall leads to under the policy's [quotas.shortfall]: staying late for whoever is short at the check
/// time; Sunday overtime (when the rule has it) for whoever stayed and — when work in the extension counts — is still
/// short at its end.
struct Consequence {
  bool stay_late = false, sunday_overtime = false;
};
Consequence shortfall_consequence(const ShortfallRule& r, bool short_at_check, bool short_after_extension);
/// Sunday sessions a week owes with `days` days that owed one: once a week, or once per day.
long long sunday_sessions(SundayOvertime s, long long days);

}  // namespace waihu::quota
