#pragma once
// Pay plans as a policy states them ([pay], SPEC §7): for each role a base by employment status (and level), a
// baseline below which the base is cut, commission tables on a stated basis — marginal (each slice at its own rate)
// or flat (the whole amount at the rate reached) — per-unit pay, lead and deal bonuses, per-product rates and the
// proxy-visit share. Money is in fen, rates in basis points (1% = 100), both exact.
//
//   [[pay.plan]]
//   role = "agent"
//   base = { probation = 700, regular = 750 }             # yuan a month
//   [[pay.plan.commission]]
//   basis = "sales"
//   method = "marginal"
//   boundaries = "upper_inclusive"
//   bands = [{ from = 0, to = 8000, percent = 0 }, { from = 8000, to = 16000, percent = 3 }, …]
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "policy/bands.hpp"

namespace waihu::pay {

/// What a commission table is computed on, for one person's month.
enum class Basis {
  kSales,           ///< deals they closed that month (a clerk's proxy deals too when the plan counts them)
  kSelfSourced,     ///< deals they closed themselves (自拓), proxy deals never
  kPayments,        ///< payments collected that month on their deals, refunds taken off
  kTeamAttainment,  ///< their team's sales against its target for the month: the band by attainment, flat
};

enum class Method {
  kMarginal,  ///< each slice of the amount at its band's rate
  kFlat,      ///< the whole amount at the rate of the band it reaches
};

struct CommissionTable {
  Basis basis = Basis::kSales;
  Method method = Method::kMarginal;
  policy::BandTable bands;  ///< edges in hundredths (yuan, or percent of target for attainment); rates in the rows
  std::vector<long long> rate_bp;  ///< each band's rate, in basis points (bands order)
  std::string note_zh, note_en;    ///< what the table says where the regulation stops (shown on the line)
};

/// The proxy-visit share (代理拜访, seed 001, SPEC §11 choice 3).
struct ProxyRule {
  enum class Side { kClerk, kFieldRep } side = Side::kClerk;
  long long rate_bp = 0;
  /// Clerk: "clerk" — the share comes out of the clerk's commission; "company" — the company pays it on top.
  bool paid_by_clerk = true;
  bool counts_toward_tiers = false;  ///< proxy deals count toward the person's tiers and baseline
};

struct Baseline {
  long long amount_fen = 0;
  Basis basis = Basis::kSales;
  bool proportional_cut = true;  ///< below it the base is base × basis ÷ baseline (else no cut, only a record)
};

struct PerUnit {
  std::string metric;  ///< a metric of the metric layer (effective_calls, …)
  long long fen = 0;
};

/// A/B lead bonus (seed 004; SPEC §11 choice 16: the month it is found or the month a field rep signs it off).
struct LeadBonus {
  long long a_fen = 0, b_fen = 0;
  bool on_sign_off = true;
};

struct ProductRate {
  std::string product;
  long long rate_bp = 0;
  bool in_tiers = false;  ///< the product's sales also count toward the commission tables
};

struct PayPlan {
  std::string role;  ///< org role name: agent, field_rep, supervisor, manager, …
  std::string zh, en;
  long long probation_base_fen = 0, regular_base_fen = 0;
  std::map<long long, long long> level_base_fen;  ///< level → a regular's base; none: one base for everyone
  /// How a regular's level is found (SPEC §7 "次月底薪与当月业绩挂钩"): false — the level recorded on the person;
  /// true — the level last month's sales reached (`level_from_fen`: level → the sales it starts at; one starts at 0).
  bool level_by_previous_sales = false;
  std::map<long long, long long> level_from_fen;
  std::optional<Baseline> baseline;  ///< none: the plan has no baseline (the policy says so)
  std::vector<CommissionTable> commissions;
  std::optional<ProxyRule> proxy;
  std::vector<PerUnit> per_unit;
  std::optional<LeadBonus> lead_bonus;
  std::optional<long long> deal_bonus_bp;  ///< on payments collected that month on their deals
  std::vector<ProductRate> products;
};

/// Probation → regular or eliminated, month by month (seed 001; SPEC §11 choice 6). Each month is judged on the
/// person's plan's baseline basis (sales for a plan without one); bounds are inclusive ("≥").
struct Probation {
  std::vector<std::string> roles;    ///< whom it applies to
  int months = 2;                    ///< probation lasts at most this many months
  bool starts_in_hire_month = true;  ///< month 1 is the month hired (else the month after)
  long long first_month_fen = 0;     ///< ≥ this in month 1 → regular from month 2
  long long total_fen = 0;           ///< the months' total ≥ this → regular after the last; else eliminated
  /// Where "two months in a row below the baseline, or a month at zero" eliminates someone the totals pass (or
  /// would keep on probation): true — elimination wins; false — the probation rule alone decides.
  bool elimination_wins = false;
  bool applies_to(std::string_view role) const {
    for (const auto& r : roles)
      if (r == role) return true;
    return false;
  }
};

/// Someone hired or leaving within a month (`partial_month`): the base, and any cut of it, is paid for the days
/// employed — calendar days of the month, or working days of the company calendar — or in full. Nothing else is
/// prorated: commission, tiers, the baseline and probation stand on the month's records as they are.
enum class PartialMonth { kWholeMonth, kCalendarDays, kWorkingDays };

struct PayPolicy {
  std::vector<PayPlan> plans;
  PartialMonth partial_month = PartialMonth::kCalendarDays;
  std::optional<Probation> probation;
  long long deduction_cap_bp = 2000;  ///< fines and losses take at most this share of the month's wage
  const PayPlan* plan_for(std::string_view role) const {
    for (const auto& p : plans)
      if (p.role == role) return &p;
    return nullptr;
  }
};

/// The [resignation] rule's say on a leaver's final pay (seed 004:
/// "未按规定者视同自动离职，无任何薪资；员工进入公司未满一 个月主动提出离职无任何薪资"). Only someone who resigned is
/// judged; a dismissal is always paid.
struct FinalPayRule {
  bool short_notice_withheld = true;  ///< too little notice, or none (walked out): the final month is withheld
  long long first_month_days = 0;     ///< leaving within this many days of being hired: withheld (0: no such rule)
};

/// How a leaver left, as the payroll judges their last month.
struct Leaving {
  std::string left_on;                 ///< the last day worked
  std::string reason;                  ///< resigned | dismissed
  std::optional<long long> request;    ///< their approved resignation request, the latest
  std::optional<std::string> outcome;  ///< its outcome when approved: in_order | short_notice | first_month
};

}  // namespace waihu::pay
