#pragma once
// The pay rules, pure: one person's month under their role's plan, as statement lines. Each line names its code,
// the amount it applied to, the rate, the band, the policy clause and a sentence a clerk can check by hand; the
// amount is rounded once, on the line, half away from zero to the fen.
//
//   MonthFacts f; f.status = "regular"; f.own_sales_fen = 3'200'000;
//   plan_lines(clerk, f)  →  base 750.00; commission 8,000.00 × 3% = 240.00; 16,000.00 × 4% = 640.00
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "pay/model.hpp"

namespace waihu::pay {

/// What the month's records say about one person (the records are gathered by the payroll service).
struct MonthFacts {
  std::string status = "regular";  ///< probation | regular
  std::optional<long long> level;
  long long own_sales_fen = 0;    ///< deals they closed themselves (a clerk's proxy deals are separate)
  long long proxy_sales_fen = 0;  ///< clerk: their deals a field rep visited; field rep: deals visited for clerks
  long long payments_fen = 0;     ///< collected that month on their deals, refunds taken off
  std::map<std::string, long long> product_sales_fen;  ///< of own and proxy sales, by product
  std::optional<long long> team_sales_fen, team_target_fen;
  std::map<std::string, long long> metrics;  ///< the month's figures (effective_calls, …)
  long long leads_a = 0, leads_b = 0;        ///< A/B leads credited this month
};

struct Line {
  std::string code;  ///< base, baseline_cut, commission, proxy_share, proxy_commission, product, per_unit, lead_bonus,
                     ///< deal_bonus
  std::string zh, en;
  long long amount_fen = 0;
  long long basis_fen = 0;           ///< what the rate or unit price applied to (a count for per-unit pay)
  std::optional<long long> rate_bp;  ///< basis points (1% = 100)
  std::optional<int> tier;           ///< the band, from 1
  std::string rule;                  ///< the policy clause: pay.plan.agent.commission[1].bands[2]
  std::string explanation;
};

/// A fact the plan needs is missing (a team target for attainment, a level without a row): never a silent zero.
struct MissingFact : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// `amount × rate_bp / 10000`, rounded half away from zero to the fen.
long long apply_rate(long long amount_fen, long long rate_bp);
/// `amount × num / den` (den > 0), rounded half away from zero.
long long scale(long long amount_fen, long long num, long long den);
/// "8,000.00" from 800000 fen.
std::string yuan(long long fen);
/// "3%", "1.5%", "0.25%" from basis points.
std::string percent(long long rate_bp);

/// The month's lines under `plan`, in statement order: base (and its cut), commission, proxy, products, per-unit
/// pay, bonuses. Throws MissingFact.
std::vector<Line> plan_lines(const PayPlan& plan, const MonthFacts& facts);

/// The amount a commission table applies to for these facts (before attainment); the same number the baseline reads.
long long basis_amount(const PayPlan& plan, Basis basis, const MonthFacts& facts);

/// Commission of one table on `amount` (marginal slices or the flat band) as lines; `clause` names the table.
std::vector<Line> commission_lines(const CommissionTable& table, long long amount_fen, const std::string& clause);

}  // namespace waihu::pay
