// Property tests of the pay rules (issue 16), on plans and months drawn at random from a fixed seed: whatever the
// tables say, commission never falls as sales grow; a statement's lines always sum to its totals, the cap and the
// minimum wage hold and nothing asked is lost; a refund never raises pay and never takes back more than was paid.
// A closed month never changing is the API's to show (tests/api/payroll.test.mjs): it is the store that refuses.
#include <gtest/gtest.h>

#include <random>

#include "pay/rules.hpp"
#include "pay/section.hpp"

namespace waihu::pay {

namespace {
bool any_metric(std::string_view m) { return m == "effective_calls"; }

struct Draw {
  std::mt19937_64 rng;
  explicit Draw(unsigned seed) : rng(seed) {}
  long long between(long long lo, long long hi) { return lo + static_cast<long long>(rng() % (hi - lo + 1)); }
  bool coin(int percent = 50) { return between(1, 100) <= percent; }
  template <class T>
  const T& one_of(const std::vector<T>& v) {
    return v[static_cast<size_t>(between(0, static_cast<long long>(v.size()) - 1))];
  }
};

std::string hundredths(long long v) {
  return std::to_string(v / 100) +
         (v % 100 ? "." + std::string(v % 100 < 10 ? "0" : "") + std::to_string(v % 100) : "");
}

// A commission table as a policy writes it: 1–5 contiguous bands in yuan (to two decimals), the last open-ended,
// rates to two decimals. A flat table's rates never fall from band to band (a flat table whose rate falls pays less
// for selling more by its own words; no regulation writes one); a marginal table's may.
std::string commission_table(Draw& d, const std::string& basis) {
  const bool flat = d.coin();
  std::string t = "[[pay.plan.commission]]\nbasis = \"" + basis + "\"\nmethod = \"" + (flat ? "flat" : "marginal") +
                  "\"\nboundaries = \"" + d.one_of<std::string>({"upper_inclusive", "lower_inclusive"}) +
                  "\"\nbands = [";
  const long long n = d.between(1, 5);
  long long from = 0, rate = d.between(0, 300);
  for (long long i = 0; i < n; ++i) {
    const long long to = from + d.between(1, 2'000'000);
    t += "{ from = " + hundredths(from) + (i + 1 < n ? ", to = " + hundredths(to) : "") +
         ", percent = " + hundredths(rate) + " }" + (i + 1 < n ? ", " : "");
    from = to;
    rate = flat ? std::min(10'000LL, rate + d.between(0, 300)) : d.between(0, 800);
  }
  return t + "]\n";
}

// A clerk's plan drawn at random: base, a baseline (or none), one or two commission tables, maybe a proxy rule,
// a product rate and a deal bonus.
std::string random_plan(Draw& d) {
  std::string t =
      "[pay]\ndeduction_cap_percent = 20\npartial_month = \"calendar_days\"\n[[pay.plan]]\nrole = \"agent\"\n";
  t += "base = { probation = " + hundredths(d.between(0, 200'000)) +
       ", regular = " + hundredths(d.between(0, 300'000)) + " }\n";
  if (d.coin(70))
    t += "baseline = { amount = " + hundredths(d.between(1, 3'000'000)) + ", basis = \"sales\", cut = \"" +
         d.one_of<std::string>({"proportional", "none"}) + "\" }\n";
  else
    t += "baseline = \"none\"\n";
  if (d.coin(20)) t += "deal_bonus_percent = " + hundredths(d.between(0, 300)) + "\n";
  t += commission_table(d, "sales");
  if (d.coin(30)) t += commission_table(d, d.one_of<std::string>({"self_sourced", "payments"}));
  if (d.coin(60)) {
    t += "[pay.plan.proxy]\nside = \"clerk\"\npercent = " + hundredths(d.between(0, 500)) + "\npaid_by = \"" +
         d.one_of<std::string>({"clerk", "company"}) + "\"\ncounts_toward_tiers = " + (d.coin() ? "true" : "false") +
         "\n";
  }
  if (d.coin(40))
    t += "[[pay.plan.product]]\nproduct = \"短信群发\"\npercent = " + hundredths(d.between(0, 500)) +
         "\nin_tiers = " + (d.coin() ? "true" : "false") + "\n";
  return t;
}

PayPlan read_plan_text(const std::string& text) {
  policy::Document doc(text, "pay.toml");
  bool ok = true;
  auto p = read_pay_section(doc, ok, &any_metric);
  doc.finish();
  std::string problems;
  for (const auto& pr : doc.problems()) problems += pr.str() + "\n";
  if (!ok || !p) throw std::runtime_error("the drawn plan does not read:\n" + problems + text);
  return p->plans.at(0);
}

long long sum_of(const std::vector<Line>& lines, bool (*which)(const Line&)) {
  long long s = 0;
  for (const auto& l : lines)
    if (which(l)) s += l.amount_fen;
  return s;
}
bool any_line(const Line&) { return true; }
bool commission_line(const Line& l) { return l.code == "commission"; }
bool pay_line(const Line& l) { return !is_deduction(l); }

MonthFacts random_facts(Draw& d) {
  MonthFacts f;
  f.status = d.coin(20) ? "probation" : "regular";
  f.proxy_sales_fen = d.coin() ? d.between(0, 3'000'000) : 0;
  f.payments_fen = d.between(0, 4'000'000);
  if (d.coin(40)) f.product_sales_fen["短信群发"] = d.between(0, f.proxy_sales_fen + 1'000'000);
  return f;
}
}  // namespace

TEST(PayProperties, CommissionAndPayNeverFallAsSalesGrow) {
  Draw d(16);
  for (int plan_no = 0; plan_no < 300; ++plan_no) {
    const std::string text = random_plan(d);
    const PayPlan plan = read_plan_text(text);
    MonthFacts f = random_facts(d);
    // The products sold are a part of the sales: a product line grows with them, never the other way.
    const long long product = f.product_sales_fen.count("短信群发") ? f.product_sales_fen["短信群发"] : 0;
    long long commission_before = -1, pay_before = std::numeric_limits<long long>::min();
    for (long long fen = product; fen <= product + 8'000'000; fen += d.between(1, 90'000)) {
      f.own_sales_fen = fen;
      const auto lines = plan_lines(plan, f);
      const long long commission = sum_of(lines, commission_line), pay = sum_of(lines, pay_line);
      ASSERT_GE(commission, commission_before) << "at " << fen << " fen under\n" << text;
      ASSERT_GE(pay, pay_before) << "at " << fen << " fen under\n" << text;
      commission_before = commission;
      pay_before = pay;
      for (const auto& l : lines) ASSERT_FALSE(l.rule.empty() || l.explanation.empty()) << l.code << "\n" << text;
    }
  }
}

TEST(PayProperties, TheLinesSumToTheTotalsAndTheCapAndFloorHold) {
  Draw d(1016);
  const std::vector<std::string> items = {"late", "absent_day", "month_bonus", "report_missing"};
  for (int month = 0; month < 2000; ++month) {
    const PayPlan plan = read_plan_text(random_plan(d));
    MonthFacts f = random_facts(d);
    f.own_sales_fen = d.between(0, 6'000'000);
    std::vector<Line> lines = plan_lines(plan, f);
    // The ledger: fines, bonuses, days of absence, now and then a fine withdrawn (paid back).
    std::vector<LedgerItem> ledger;
    for (long long i = 0, n = d.between(0, 12); i < n; ++i) {
      LedgerItem e{
          i + 1,       "2026-10-" + std::to_string(10 + i), d.one_of(items), "rule." + std::to_string(i), "", 0, 0, 0,
          std::nullopt};
      if (e.item == "month_bonus")
        e.bonus_fen = d.between(0, 50'000);
      else if (e.item == "absent_day")
        e.base_days_milli = d.between(500, 3000);
      else
        e.fine_fen = d.coin(10) ? -d.between(0, 20'000) : d.between(0, 60'000);
      if (e.fine_fen < 0) e.corrects = i;
      ledger.push_back(e);
    }
    std::vector<ClaimPenalty> claims;
    if (d.coin(10)) claims.push_back({7, "manager", d.between(10, 50)});
    const long long base = f.status == "probation" ? plan.probation_base_fen : plan.regular_base_fen;
    for (auto& l : deduction_lines(base, ledger, claims, 2175)) lines.push_back(std::move(l));
    if (d.coin(20)) lines.push_back(carried_line(d.between(1, 300'000), "2026-09", 3));
    if (d.coin(10))
      lines.push_back(adjustment_line({5, d.between(-50'000, 50'000), "2026-09", "commission", "", "ok"}));
    const long long cap_bp = d.between(0, 3000);
    std::optional<WageFloor> floor;
    if (d.coin(60)) floor = WageFloor{"上海", d.between(150'000, 300'000), ""};

    long long asked = 0;
    for (const auto& l : lines)
      if (is_deduction(l)) asked -= l.amount_fen;
    const Settled s = settle(lines, cap_bp, floor);
    if (auto up = floor_line(s, floor)) lines.push_back(*up);
    if (auto held = held_over_line(s, cap_bp, floor)) lines.push_back(*held);

    EXPECT_EQ(sum_of(lines, any_line), s.net_fen) << "month " << month;
    EXPECT_EQ(s.gross_fen - s.deductions_fen, s.net_fen);
    EXPECT_EQ(s.deductions_fen + s.held_over_fen, asked) << "nothing asked is lost";
    EXPECT_GE(s.held_over_fen, 0);
    if (asked >= 0) {
      EXPECT_LE(s.deductions_fen, std::max(0LL, apply_rate(s.gross_fen, cap_bp))) << "within the cap";
      if (floor) {
        EXPECT_GE(s.net_fen, floor->fen) << "never below the minimum wage";
      }
    }
    // The statement's own settle of its final lines agrees (held_over and minimum_wage are not asked twice).
    const Settled again = settle(lines, cap_bp, floor);
    EXPECT_EQ(again.net_fen, s.net_fen);
  }
}

TEST(PayProperties, ARefundNeverRaisesPayNorTakesBackMoreThanItsDealPaid) {
  Draw d(2016);
  for (int month = 0; month < 500; ++month) {
    const PayPlan plan = read_plan_text(random_plan(d));
    // The month's deals: own deals 1..n, proxy deals n+1..; each table paid on all of them.
    std::map<long long, long long> amounts;
    MonthFacts f;
    const long long n = d.between(1, 6), m = d.between(0, 3);
    for (long long i = 1; i <= n + m; ++i) {
      amounts[i] = d.between(1, 2'000'000);
      (i <= n ? f.own_sales_fen : f.proxy_sales_fen) += amounts[i];
    }
    std::vector<long long> all, proxy;
    for (const auto& [id, fen] : amounts) {
      all.push_back(id);
      if (id > n) proxy.push_back(id);
    }
    std::vector<PaidLine> paid;
    for (const auto& l : plan_lines(plan, f))
      if (pays_on_deals(l.code)) paid.push_back({l.code, l.rule, l.amount_fen, l.code == "proxy_share" ? proxy : all});
    long long paid_positive = 0;
    for (const auto& p : paid) paid_positive += std::max(0LL, p.amount_fen);
    // A part refund of one deal, then every deal refunded whole: each takes back at most what it was paid, and all
    // of them together at most what the month paid on deals (a fen of rounding per table and deal).
    const long long deal = d.between(1, n + m);
    if (auto part = clawback_line({100, deal, d.between(1, amounts[deal]), "2026-11-03", "2026-10"}, paid, amounts)) {
      EXPECT_LE(part->amount_fen, 0) << "a refund never raises pay: " << part->explanation;
      EXPECT_TRUE(is_deduction(*part));
    }
    long long taken = 0;
    for (const auto& [id, fen] : amounts)
      if (auto whole = clawback_line({100 + id, id, fen, "2026-11-03", "2026-10"}, paid, amounts)) {
        EXPECT_LE(whole->amount_fen, 0) << whole->explanation;
        taken -= whole->amount_fen;
      }
    EXPECT_LE(taken, paid_positive + static_cast<long long>(paid.size() * amounts.size()));
  }
}

}  // namespace waihu::pay
