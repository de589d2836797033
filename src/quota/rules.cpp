#include "quota/rules.hpp"

#include <algorithm>

namespace waihu::quota {

long long whole_months(const calendar::LocalDate& from, const calendar::LocalDate& to) {
  long long months = (to.year - from.year) * 12LL + (to.month - from.month);
  const int last_day_of_to = calendar::Month{to.year, to.month}.last().day;
  if (to.day < from.day && to.day < last_day_of_to) --months;
  return std::max(0LL, months);
}

bool is_new_hire(const NewHireRule& rule, const calendar::LocalDate& hired, long long prior_months,
                 const calendar::LocalDate& day) {
  std::vector<bool> conditions;
  // Days completed before `day`: hired on 10-01, on 10-15 fourteen (still under 15), on 10-16 fifteen.
  if (rule.in_company_under_days) conditions.push_back(day.days() - hired.days() < *rule.in_company_under_days);
  if (rule.in_company_under_months) conditions.push_back(whole_months(hired, day) < *rule.in_company_under_months);
  if (rule.prior_months_under) conditions.push_back(prior_months < *rule.prior_months_under);
  if (conditions.empty()) return false;
  if (rule.all) return std::all_of(conditions.begin(), conditions.end(), [](bool b) { return b; });
  return std::any_of(conditions.begin(), conditions.end(), [](bool b) { return b; });
}

Consequence shortfall_consequence(const ShortfallRule& r, bool short_at_check, bool short_after_extension) {
  Consequence c;
  c.stay_late = short_at_check;
  c.sunday_overtime = short_at_check && r.stay_late_minutes && r.sunday != SundayOvertime::kNone &&
                      (!r.extension_counts || short_after_extension);
  return c;
}

long long sunday_sessions(SundayOvertime s, long long days) {
  if (days <= 0 || s == SundayOvertime::kNone) return 0;
  return s == SundayOvertime::kPerWeek ? 1 : days;
}

long long lowered_target(long long target, const std::optional<VisitRule>& rule, const TimeOut& out) {
  if (!rule || out.minutes <= 0 || out.workday_minutes <= 0) return target;
  const long long in = std::max(0LL, out.workday_minutes - out.minutes);
  const long long num = target * in, den = out.workday_minutes;
  switch (rule->rounding) {
    case VisitRounding::kUp:
      return (num + den - 1) / den;
    case VisitRounding::kDown:
      return num / den;
    case VisitRounding::kHalfUp:
      return (2 * num + den) / (2 * den);
  }
  return target;
}

std::vector<QuotaResult> evaluate_day(const QuotaPolicy& policy, const std::map<std::string, long long>& figures,
                                      bool new_hire, const TimeOut& time_out) {
  std::vector<QuotaResult> out;
  for (const auto& t : policy.daily) {
    QuotaResult r;
    r.metric = new_hire ? t.new_hire_metric : t.metric;
    r.full_target = new_hire ? t.new_hire_target : t.target;
    r.target = lowered_target(r.full_target, policy.visits, time_out);
    auto it = figures.find(r.metric);
    r.actual = it == figures.end() ? 0 : it->second;
    r.short_by = std::max(0LL, r.target - r.actual);
    r.fine_fen = r.short_by * t.fine_per_unit_fen;
    out.push_back(std::move(r));
  }
  return out;
}

PersonDay judge_person_day(const QuotaPolicy& policy, std::string_view hired_on, long long prior_months,
                           const calendar::LocalDate& day, const std::map<std::string, long long>& figures,
                           const TimeOut& time_out) {
  PersonDay out;
  const auto hired = calendar::LocalDate::parse(hired_on);
  out.new_hire = hired && is_new_hire(policy.new_hire, *hired, prior_months, day);
  out.results = evaluate_day(policy, figures, out.new_hire, time_out);
  return out;
}

}  // namespace waihu::quota
