#pragma once
// The [quotas] section of a policy, owned by the quota module:
//
//   [quotas]
//   new_hire = { in_company_under_days = 15 }          # who gets the new-hire targets (or _under_months,
//                                                       # prior_months_under, and when = "all" | "any" for two)
//   [[quotas.daily]]
//   metric = "effective_calls"                          # a metric of docs/policy.md
//   target = 120
//   new_hire_target = 80                                # required when new_hire is stated; may be higher
//   new_hire_metric = "interested_customers"            # optional: new hires counted on another metric
//   fine_per_unit_fen = 500                             # per unit short; 0 states "no fine"
//
//   visits = { rounding = "up" }                        # optional, in [quotas]: an approved visit lowers every
//                                                       # target pro rata to the time out (up | down | half_up);
//                                                       # absent: visits lower nothing
//
// And its worked examples of one quota day:
//
//   [[example]]
//   of = "quota_day"
//   name = "…"
//   hired = 2026-10-01
//   day = 2026-10-16
//   prior_months = 0                                    # optional
//   visit_minutes = 120                                 # optional: out on approved customer visits
//   figures = { effective_calls = 119 }
//   expect = { new_hire = false, fine_fen = 500, short = { effective_calls = 1 }, target = { effective_calls = 120 } }
#include <map>
#include <optional>
#include <string>

#include "calendar/calendar.hpp"
#include "policy/document.hpp"
#include "policy/model.hpp"
#include "quota/model.hpp"

namespace waihu::quota {

/// nullopt without a [quotas] section (no problem: a policy may set none) or when it has problems.
std::optional<QuotaPolicy> read_quotas_section(const policy::Document& doc, bool& ok);
/// The targets as the rule book shows them ("每日有效通话 120 个；入职不满半个月的新人 80 个；每少一个罚 5 元").
policy::RuleSection describe_quotas(const QuotaPolicy& p);

struct QuotaExample {
  calendar::LocalDate hired, day;
  long long prior_months = 0;
  long long visit_minutes = 0;  ///< time out on approved customer visits
  std::map<std::string, long long> figures;
};
/// The facts of an `of = "quota_day"` example; nullopt with the problems in the document when one is wrong.
std::optional<QuotaExample> read_quota_example(const policy::Table& example);
/// Compares the example's `expect` with what the rules computed; each difference a problem at its key.
void check_quota_example(const policy::Table& expect, const std::string& name, const QuotaPolicy* policy,
                         const QuotaExample* facts, long long workday_minutes);

}  // namespace waihu::quota
