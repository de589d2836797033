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
  std::string status = "regular";               ///< probation | regular
  std::optional<long long> level;               ///< the level recorded on the person
  std::optional<long long> previous_sales_fen;  ///< last month's sales as the tiers count them (level by sales)
  long long own_sales_fen = 0;                  ///< deals they closed themselves (a clerk's proxy deals are separate)
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
  std::optional<long long> record_id;  ///< a ledger line's entry, a 撞单 line's case
  bool operator==(const Line&) const = default;
};

/// A fact the plan needs is missing (a team target for attainment, a level without a row): never a silent zero.
struct MissingFact : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// A row of the discipline ledger that costs or pays money (fines, corrections of fines, bonuses, absence in days of
/// base pay), as the payroll reads it.
struct LedgerItem {
  long long id = 0;
  std::string day, item, rule, evidence;
  long long fine_fen = 0, bonus_fen = 0, base_days_milli = 0;
  std::optional<long long> corrects;
};

/// A 撞单 escalation's share of base pay withheld (discipline's duplicate_claim_penalties).
struct ClaimPenalty {
  long long claim_id = 0;
  std::string stage;
  long long percent = 0;
};

/// The statement's lines from the ledger and the 撞单 penalties: `fine` (a correction pays it back), `bonus`,
/// `absence` (days of base at `base_fen` ÷ `day_divisor_hundredths`/100, the policy's day base), `claim_penalty`.
std::vector<Line> deduction_lines(long long base_fen, const std::vector<LedgerItem>& ledger,
                                  const std::vector<ClaimPenalty>& claims, long long day_divisor_hundredths);

/// Whether a line is a deduction (fines, absence, 撞单 penalties, clawbacks, a carried balance) rather than pay.
bool is_deduction(const Line& l);

/// The `carried` line: what an earlier month's cap held back (`from_month`'s `held_over`), deducted again now.
Line carried_line(long long fen, const std::string& from_month, long long statement_id);

/// An accepted inquiry's adjustment, paid in the month run (it names the month and line it corrects).
struct Adjustment {
  long long inquiry_id = 0, fen = 0;
  std::string month, code, rule, answer;
};
/// The `adjustment` line: + pays what was short, − takes back an overpayment (a deduction, under the cap).
Line adjustment_line(const Adjustment& a);

/// The `final_pay_withheld` line of a resigned leaver's last month under the [resignation] rule: their approved
/// resignation's outcome (none approved: they walked out — short notice, or the first month when they left within
/// its days of being hired); short notice withholds when the rule says so, the first month always. It asks back
/// everything the month pays (`earned_fen`) as a deduction, so the law's cap and the minimum wage still hold what
/// it takes. None for a dismissal, a resignation in order, or nothing earned.
std::optional<Line> final_pay_line(const FinalPayRule& rule, const Leaving& l, const std::string& hired_on,
                                   long long earned_fen);

/// Whether lines of this code pay on deals (and so are clawed back when one is refunded).
bool pays_on_deals(std::string_view code);

/// A line of a statement that paid on deals: its clause, amount and the deals it stood on.
struct PaidLine {
  std::string code, rule;
  long long amount_fen = 0;
  std::vector<long long> deals;
  /// The deals' amounts summed, when the caller has it (a month's many refunds read the same lines): none — summed
  /// from `deal_fen` on each refund.
  std::optional<long long> deals_fen;
};
/// A refund accepted this month on a deal of `deal_month`, with the lines that paid on the deal that month.
struct Refund {
  long long payment_id = 0, deal_id = 0, amount_fen = 0;
  std::string on_date, deal_month;
};
/// What a refund claws back from the lines one person was paid on its deal: for each table that paid on it (a
/// commission table, the proxy share either side, a product rate — clauses without their band), the table's amount
/// × refund ÷ the table's basis (its deals' amounts): the rate the deal was paid at, each deal carrying its share.
/// One line, its parts rounded once each; a refund never raises pay (a net positive is nothing). None when the
/// person was paid nothing on the deal. `deal_fen` gives every deal's amount the lines name.
std::optional<Line> clawback_line(const Refund& r, const std::vector<PaidLine>& paid,
                                  const std::map<long long, long long>& deal_fen);

/// The minimum wage where the person works (the admin's setting for the team's city).
struct WageFloor {
  std::string city;
  long long fen = 0;
  std::string share;  ///< how a month worked in part scaled it ("× 12/31"), empty for a whole month
};

struct Settled {
  long long gross_fen = 0, deductions_fen = 0, net_fen = 0;
  long long held_over_fen = 0;  ///< deductions above the cap (or the floor), carried to later months
  long long topped_up_fen = 0;  ///< raised to the minimum wage (part of the gross)
};
/// Gross is every pay line (raised to the floor when below it); deductions the deduction lines, at most `cap_bp` of
/// the gross and never taking the net below the floor — what is held back is carried over, never lost.
/// Net = gross − deductions.
Settled settle(const std::vector<Line>& lines, long long cap_bp, const std::optional<WageFloor>& floor = std::nullopt);
/// The `minimum_wage` line raising the pay to the floor (none when the pay reaches it).
std::optional<Line> floor_line(const Settled& s, const std::optional<WageFloor>& floor);
/// The `held_over` line of what the cap holds back (none when nothing is), so the lines still sum to the net.
std::optional<Line> held_over_line(const Settled& s, long long cap_bp,
                                   const std::optional<WageFloor>& floor = std::nullopt);

/// A month of probation: the person's baseline basis that month and whether the manager granted an exception.
struct ProbationMonth {
  long long basis_fen = 0;
  bool exception = false;
};
struct ProbationStatus {
  std::string status;  ///< this month: probation | regular
  std::string next;    ///< next month: probation | regular | eliminated
  std::string why;     ///< the rule that decided, zh / en
};
/// Month `index` (from 1) since probation began; `months` holds months 1..min(index, p.months). `baseline_fen` 0: no
/// baseline (only a month at zero counts for the elimination rule).
ProbationStatus probation_status(const Probation& p, long long baseline_fen, int index,
                                 const std::vector<ProbationMonth>& months);

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
