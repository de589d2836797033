#pragma once
// The [pay] section (薪酬体系, SPEC §7): a plan per role — base by status and level, the baseline and its cut,
// commission tables (each stating its basis, marginal or flat, and which band holds an edge), the proxy-visit
// share, per-product rates, per-unit pay, lead and deal bonuses — and the cap on deductions. The loader refuses
// silence on every choice SPEC §11 lists for pay (1–5, 16): a table without its method or boundaries, a clerk's
// proxy share without who pays it and whether it counts toward the tiers, a plan that does not say whether it has a
// baseline, a lead bonus without its month.
//
//   [pay]
//   deduction_cap_percent = 20
//   [[pay.plan]]
//   role = "agent"
//   base = { probation = 700, regular = 750 }
//   baseline = { amount = 8000, basis = "sales", cut = "proportional" }     # or baseline = "none"
//   [[pay.plan.commission]]
//   basis = "sales"                 # sales | self_sourced | payments | team_attainment
//   method = "marginal"             # marginal | flat (team_attainment: flat)
//   boundaries = "upper_inclusive"
//   bands = [{ from = 0, to = 8000, percent = 0 }, { from = 8000, to = 16000, percent = 3 }, …]
#include <optional>

#include "pay/model.hpp"
#include "policy/document.hpp"
#include "policy/model.hpp"

namespace waihu::pay {

/// `metric_known` says whether a per-unit metric exists (the metric layer's names).
std::optional<PayPolicy> read_pay_section(const policy::Document& doc, bool& ok,
                                          bool (*metric_known)(std::string_view));
policy::RuleSection describe_pay(const PayPolicy& p);
/// `[[example]] of = "pay_month"`: `role`, `status`, the month's facts in yuan (`sales`, `proxy_sales`, `payments`,
/// `team_sales`, `team_target`, `products = { name = yuan }`), counts (`metrics = { name = N }`, `leads_a`,
/// `leads_b`) and `expect = { base, commission, gross }` in yuan (each optional; `commission` sums every commission
/// line, the proxy share included). True when it ran.
bool check_pay_example(const policy::Table& ex, const PayPolicy* p);

}  // namespace waihu::pay
