#include "pay/rules.hpp"

#include <gtest/gtest.h>

#include "pay/section.hpp"

namespace waihu::pay {

namespace {
bool any_metric(std::string_view m) { return m == "effective_calls"; }

// A plan read from TOML as a policy writes it (only the [pay] section).
PayPolicy read(const std::string& text) {
  policy::Document doc(text, "pay.toml");
  bool ok = true;
  auto p = read_pay_section(doc, ok, &any_metric);
  doc.finish();
  std::string problems;
  for (const auto& pr : doc.problems()) problems += pr.str() + "\n";
  EXPECT_TRUE(ok && p) << problems;
  return p.value_or(PayPolicy{});
}

std::vector<std::string> problems(const std::string& text) {
  policy::Document doc(text, "pay.toml");
  bool ok = true;
  read_pay_section(doc, ok, &any_metric);
  doc.finish();
  std::vector<std::string> out;
  for (const auto& pr : doc.problems()) out.push_back(pr.str());
  return out;
}

bool mentions(const std::vector<std::string>& ps, const std::string& s) {
  for (const auto& p : ps)
    if (p.find(s) != std::string::npos) return true;
  return false;
}

const std::string kHead = "[pay]\ndeduction_cap_percent = 20\npartial_month = \"calendar_days\"\n";
const std::string kClerk = kHead + R"([[pay.plan]]
role = "agent"
base = { probation = 700, regular = 750 }
baseline = { amount = 8000, basis = "sales", cut = "proportional" }
[[pay.plan.commission]]
basis = "sales"
method = "marginal"
boundaries = "upper_inclusive"
bands = [{ from = 0, to = 8000, percent = 0 }, { from = 8000, to = 16000, percent = 3 },
         { from = 16000, to = 32000, percent = 4 }, { from = 32000, percent = 5 }]
)";

long long commission(const std::vector<Line>& lines) {
  long long sum = 0;
  for (const auto& l : lines)
    if (l.code == "commission") sum += l.amount_fen;
  return sum;
}

MonthFacts sales(long long fen) {
  MonthFacts f;
  f.own_sales_fen = fen;
  return f;
}
}  // namespace

TEST(Rounding, OnceAtTheLineHalfAwayFromZero) {
  EXPECT_EQ(apply_rate(50, 100), 1);    // 0.5 fen → 1
  EXPECT_EQ(apply_rate(49, 100), 0);    // 0.49 fen → 0
  EXPECT_EQ(apply_rate(-50, 100), -1);  // a clawback mirrors it
  EXPECT_EQ(apply_rate(800000, 300), 24000);
  EXPECT_EQ(scale(75000, 1, 3), 25000);
  EXPECT_EQ(scale(100, 2, 3), 67);  // 66.67
  EXPECT_EQ(scale(-100, 2, 3), -67);
  EXPECT_EQ(yuan(123456789), "1,234,567.89");
  EXPECT_EQ(yuan(-5), "-0.05");
  EXPECT_EQ(yuan(-123456789), "-1,234,567.89");
  EXPECT_EQ(yuan(-10000), "-100.00");
  EXPECT_EQ(percent(150), "1.5%");
}

TEST(Tiers, TheClerkTableAtEveryEdge) {
  const PayPlan plan = read(kClerk).plans.at(0);
  auto at = [&](long long fen) { return commission(plan_lines(plan, sales(fen))); };
  EXPECT_EQ(at(799999), 0);
  EXPECT_EQ(at(800000), 0);
  EXPECT_EQ(at(800001), 0);           // 0.01 × 3% rounds to nothing
  EXPECT_EQ(at(1600000), 24000);      // 8,000 × 3%
  EXPECT_EQ(at(1600100), 24004);      // + 1 × 4%
  EXPECT_EQ(at(3200000), 88000);      // the seed's example
  EXPECT_EQ(at(3200100), 88005);      // + 1 × 5%
  EXPECT_EQ(at(1600050), 24000 + 2);  // 0.50 × 4% = 0.02: slices are continuous
}

TEST(Tiers, AFlatTablePaysTheWholeAmountAtTheBandReached) {
  std::string text = kClerk;
  text.replace(text.find("marginal"), 8, "flat");
  const PayPlan plan = read(text).plans.at(0);
  auto at = [&](long long fen) { return commission(plan_lines(plan, sales(fen))); };
  EXPECT_EQ(at(1600000), 48000);  // 16,000 × 3% (upper inclusive: 16,000 in the 3% band)
  EXPECT_EQ(at(1600100), 64004);  // 16,001 × 4%
  EXPECT_EQ(at(799999), 0);
}

TEST(Baseline, BelowItTheBaseIsCutInProportionAndTheLineSaysHow) {
  const PayPlan plan = read(kClerk).plans.at(0);
  MonthFacts f = sales(400000);
  f.status = "probation";
  const auto lines = plan_lines(plan, f);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].amount_fen, 70000);
  EXPECT_EQ(lines[1].code, "baseline_cut");
  EXPECT_EQ(lines[1].amount_fen, -35000);
  EXPECT_EQ(lines[1].explanation, "700.00 × 4,000.00 ÷ 8,000.00 = 350.00");
  EXPECT_EQ(lines[1].rule, "pay.plan.agent.baseline");
  // At the baseline nothing is cut; at zero the whole base goes.
  EXPECT_EQ(plan_lines(plan, sales(800000)).size(), 1u);
  EXPECT_EQ(plan_lines(plan, sales(0)).at(1).amount_fen, -75000);
}

TEST(Attainment, BandsAreComparedExactlyAndATargetIsNeverAssumed) {
  const PayPlan plan = read(kHead + R"([[pay.plan]]
role = "supervisor"
base = { probation = 750, regular = 750 }
baseline = "none"
[[pay.plan.commission]]
basis = "team_attainment"
method = "flat"
boundaries = "lower_inclusive"
bands = [{ from = 0, to = 70, percent = 0 }, { from = 70, to = 100, percent = 1 },
         { from = 100, to = 150, percent = 1.5 }, { from = 150, percent = 2, holds_from = false }]
)")
                           .plans.at(0);
  auto at = [&](long long sales_fen) {
    MonthFacts f;
    f.team_sales_fen = sales_fen;
    f.team_target_fen = 10000000;  // 100,000 yuan
    return commission(plan_lines(plan, f));
  };
  EXPECT_EQ(at(6999000), 0);                           // 69.99%
  EXPECT_EQ(at(7000000), 70000);                       // 70%: 1%
  EXPECT_EQ(at(7100000), 71000);                       // 71%
  EXPECT_EQ(at(9999000), 99990);                       // 99.99%: 1%
  EXPECT_EQ(at(10000000), 150000);                     // 100%: 1.5%
  EXPECT_EQ(at(15000000), 225000);                     // 150%: 1.5%
  EXPECT_EQ(at(15001000), 300020);                     // 150.01%: 2%
  EXPECT_EQ(at(15000001), apply_rate(15000001, 200));  // 150.00001%: above 150 though it rounds to it
  MonthFacts none;
  none.team_sales_fen = 100;
  EXPECT_THROW(plan_lines(plan, none), MissingFact);
}

TEST(Proxy, TheClerkSharesOutOfTheCommissionTheRepGetsItOnTop) {
  const PayPolicy p = read(kClerk + R"([pay.plan.proxy]
side = "clerk"
percent = 1
paid_by = "clerk"
counts_toward_tiers = true
[[pay.plan]]
role = "field_rep"
base = { probation = 700, regular = 750 }
baseline = { amount = 8000, basis = "self_sourced", cut = "proportional" }
[[pay.plan.commission]]
basis = "self_sourced"
method = "marginal"
boundaries = "upper_inclusive"
bands = [{ from = 0, to = 5000, percent = 0 }, { from = 5000, to = 12000, percent = 3 },
         { from = 12000, to = 23000, percent = 4 }, { from = 23000, to = 35000, percent = 5 }, { from = 35000, percent = 6 }]
[pay.plan.proxy]
side = "field_rep"
percent = 1
counts_toward_tiers = false
)");
  MonthFacts rep;
  rep.own_sales_fen = 2300000;
  rep.proxy_sales_fen = 700000;
  const auto lines = plan_lines(*p.plan_for("field_rep"), rep);
  long long gross = 0;
  for (const auto& l : lines) gross += l.amount_fen;
  EXPECT_EQ(gross, 75000 + 21000 + 44000 + 7000);  // the seed's second example
  EXPECT_EQ(lines.back().code, "proxy_commission");
  MonthFacts clerk;
  clerk.own_sales_fen = 1000000;
  clerk.proxy_sales_fen = 600000;
  const auto c = plan_lines(*p.plan_for("agent"), clerk);
  EXPECT_EQ(commission(c), 24000);  // 16,000 in the tiers
  EXPECT_EQ(c.back().code, "proxy_share");
  EXPECT_EQ(c.back().amount_fen, -6000);
  // Out of the commission: at most what the month's commission is, never out of the base.
  clerk.own_sales_fen = 100000;
  clerk.proxy_sales_fen = 750000;  // 8,500 in the tiers: 500 × 3% = 15 of commission, a share of 75 asked
  const auto small = plan_lines(*p.plan_for("agent"), clerk);
  EXPECT_EQ(commission(small), 1500);
  EXPECT_EQ(small.back().amount_fen, -1500);
  EXPECT_NE(small.back().explanation.find("at most the month's commission 15.00"), std::string::npos);
  clerk.own_sales_fen = 0;
  clerk.proxy_sales_fen = 500000;  // below the first band: no commission, nothing shared
  const auto none = plan_lines(*p.plan_for("agent"), clerk);
  EXPECT_EQ(none.back().code, "proxy_share");
  EXPECT_EQ(none.back().amount_fen, 0);
}

TEST(Section, EveryChoiceIsStatedOrRefused) {
  // No method, no boundaries; a clerk's proxy without who pays; no word on the baseline; a lead bonus without month.
  auto p = problems(kHead + R"([[pay.plan]]
role = "agent"
base = { probation = 700, regular = 750 }
[[pay.plan.commission]]
basis = "sales"
bands = [{ from = 0, percent = 3 }]
[pay.plan.proxy]
side = "clerk"
percent = 1
[pay.plan.lead_bonus]
a = 100
b = 50
[[pay.plan.per_unit]]
metric = "calls_made"
amount = 0.5
)");
  EXPECT_TRUE(mentions(p, "missing 'method'"));
  EXPECT_TRUE(mentions(p, "missing 'boundaries'"));
  EXPECT_TRUE(mentions(p, "missing 'paid_by'"));
  EXPECT_TRUE(mentions(p, "missing 'counts_toward_tiers'"));
  EXPECT_TRUE(mentions(p, "missing 'baseline'"));
  EXPECT_TRUE(mentions(p, "missing 'month'"));
  EXPECT_TRUE(mentions(p, "unknown metric 'calls_made'"));
  // The seed's bands as written leave gaps: refused.
  auto gaps = problems(kHead + R"([[pay.plan]]
role = "supervisor"
base = { probation = 750, regular = 750 }
baseline = "none"
[[pay.plan.commission]]
basis = "team_attainment"
method = "flat"
boundaries = "lower_inclusive"
bands = [{ from = 0, to = 70, percent = 0 }, { from = 71, to = 99, percent = 1 }, { from = 100, percent = 1.5 }]
)");
  EXPECT_TRUE(mentions(gaps, "gap: no band holds values between 70 and 71"));
  EXPECT_TRUE(mentions(problems(kHead + "[[pay.plan]]\nrole = \"agent\"\nbase = { probation = 1, regular = 1 }\n"
                                        "baseline = \"none\"\n[[pay.plan]]\nrole = \"agent\"\n"
                                        "base = { probation = 1, regular = 1 }\nbaseline = \"none\"\n"),
                       "a second plan for 'agent'"));
}

TEST(Deductions, LedgerRowsBecomeLinesAndTheCapCarriesTheRestOver) {
  std::vector<LedgerItem> ledger = {
      {1, "2026-11-02", "late", "attendance.minor", "09:12 到岗", 1000, 0, 0, std::nullopt},
      {2, "2026-11-03", "absent_day", "attendance.absence", "", 0, 0, 3000, std::nullopt},  // 3 days of base
      {3, "2026-11-30", "month_bonus", "points.bonus", "月底 121 分", 0, 20000, 0, std::nullopt},
      {4, "2026-11-20", "late", "objection.withdrawn", "", -1000, 0, 0, 1},  // a withdrawn fine paid back
  };
  const auto lines = deduction_lines(100000, ledger, {{7, "manager", 30}}, 2175);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0].code, "fine");
  EXPECT_EQ(lines[0].amount_fen, -1000);
  EXPECT_EQ(lines[0].record_id, 1);
  EXPECT_EQ(lines[1].code, "absence");
  EXPECT_EQ(lines[1].amount_fen, -13793);  // 3 × 1,000.00 ÷ 21.75 = 137.93
  EXPECT_NE(lines[1].explanation.find("3 天 / days × 1,000.00 ÷ 21.75 = 137.93"), std::string::npos)
      << lines[1].explanation;
  EXPECT_EQ(lines[2].code, "bonus");
  EXPECT_EQ(lines[2].amount_fen, 20000);
  EXPECT_EQ(lines[3].amount_fen, 1000);  // the correction pays the fine back
  EXPECT_NE(lines[3].explanation.find("corrects #1"), std::string::npos);
  EXPECT_EQ(lines[4].code, "claim_penalty");
  EXPECT_EQ(lines[4].amount_fen, -30000);
  EXPECT_EQ(lines[4].record_id, 7);

  // Gross 1,200 (base + bonus); asked 1,000 + 137.93 − 10 + 300 = 427.93 → the cap (20%: 240) takes 240.
  std::vector<Line> all = lines;
  Line base;
  base.code = "base";
  base.amount_fen = 100000;
  all.insert(all.begin(), base);
  const Settled s = settle(all, 2000);
  EXPECT_EQ(s.gross_fen, 120000);
  EXPECT_EQ(s.deductions_fen, 24000);
  EXPECT_EQ(s.held_over_fen, 1000 + 13793 - 1000 + 30000 - 24000);
  EXPECT_EQ(s.net_fen, 96000);
  // Under the cap nothing is held over.
  const Settled light = settle({base, lines[0]}, 2000);
  EXPECT_EQ(light.held_over_fen, 0);
  EXPECT_EQ(light.net_fen, 99000);
}

TEST(Deductions, TheFloorHoldsAndACarriedBalanceIsDeductedAgain) {
  Line base;
  base.code = "base";
  base.amount_fen = 250000;
  const Line fine =
      deduction_lines(0, {{1, "2026-11-02", "late", "attendance.minor", "", 40000, 0, 0, {}}}, {}, 2175)[0];
  const WageFloor floor{"上海", 242000, ""};
  // Gross 2,500: the cap allows 500 but the floor 2,420 leaves 80 — the other 320 is carried.
  const Settled s = settle({base, fine}, 2000, floor);
  EXPECT_EQ(s.deductions_fen, 8000);
  EXPECT_EQ(s.held_over_fen, 32000);
  EXPECT_EQ(s.net_fen, 242000);
  const auto held = held_over_line(s, 2000, floor);
  ASSERT_TRUE(held);
  EXPECT_NE(held->explanation.find("最低工资"), std::string::npos) << held->explanation;
  // Pay below the floor is raised to it, and nothing is deducted that month.
  Line low = base;
  low.amount_fen = 70000;
  const Settled r = settle({low, fine}, 2000, floor);
  EXPECT_EQ(r.topped_up_fen, 172000);
  EXPECT_EQ(r.gross_fen, 242000);
  EXPECT_EQ(r.deductions_fen, 0);
  EXPECT_EQ(r.held_over_fen, 40000);
  const auto up = floor_line(r, floor);
  ASSERT_TRUE(up);
  EXPECT_EQ(up->amount_fen, 172000);
  EXPECT_EQ(up->rule, "minimum_wage.上海");
  // The lines sum to the net: pay + top-up + the fine asked + what is held back.
  EXPECT_EQ(low.amount_fen + up->amount_fen + fine.amount_fen + held_over_line(r, 2000, floor)->amount_fen, r.net_fen);
  // Next month the balance comes back as a deduction under the same cap.
  const Line carried = carried_line(40000, "2026-11", 9);
  EXPECT_TRUE(is_deduction(carried));
  EXPECT_EQ(carried.amount_fen, -40000);
  const Settled next = settle({base, carried}, 2000);
  EXPECT_EQ(next.deductions_fen, 40000);
  EXPECT_EQ(next.held_over_fen, 0);
}

TEST(Clawback, ARefundTakesBackWhatItsDealPaidAtTheRateItWasPaidAt) {
  const PayPolicy p = read(kClerk + R"([pay.plan.proxy]
side = "clerk"
percent = 1
paid_by = "clerk"
counts_toward_tiers = true
)");
  // September: deals 1 (20,000) and 2 (12,000 via a field rep) = 32,000 → 8,000×3% + 16,000×4% = 880.
  MonthFacts sept;
  sept.own_sales_fen = 2000000;
  sept.proxy_sales_fen = 1200000;
  std::vector<PaidLine> paid;
  for (const auto& l : plan_lines(*p.plan_for("agent"), sept))
    paid.push_back({l.code, l.rule, l.amount_fen,
                    l.code == "proxy_share" ? std::vector<long long>{2} : std::vector<long long>{1, 2}});
  const std::map<long long, long long> amounts{{1, 2000000}, {2, 1200000}};
  // October: 4,000 of deal 1 refunded. Commission 880 × 4,000 ÷ 32,000 = 110 (2.75%, the month's rate).
  const auto own = clawback_line({41, 1, 400000, "2026-10-09", "2026-09"}, paid, amounts);
  ASSERT_TRUE(own);
  EXPECT_EQ(own->code, "clawback");
  EXPECT_EQ(own->amount_fen, -11000);
  EXPECT_EQ(own->record_id, 41);
  EXPECT_TRUE(is_deduction(*own));
  // A proxy deal: the commission's share less the share passed to the rep (120 × 6,000 ÷ 12,000 = 60 back).
  const auto proxy = clawback_line({42, 2, 600000, "2026-10-09", "2026-09"}, paid, amounts);
  ASSERT_TRUE(proxy);
  EXPECT_EQ(proxy->amount_fen, -(16500 - 6000));
  // The rep's 1% on the same refund.
  const std::vector<PaidLine> rep{{"proxy_commission", "pay.plan.field_rep.proxy", 12000, {2}}};
  EXPECT_EQ(clawback_line({42, 2, 600000, "2026-10-09", "2026-09"}, rep, amounts)->amount_fen, -6000);
  // Below the first band the clerk earned nothing on the deal but passed 1% on: a refund never raises pay.
  const std::vector<PaidLine> passed{{"proxy_share", "pay.plan.agent.proxy", -5000, {2}}};
  const auto none = clawback_line({43, 2, 500000, "2026-10-09", "2026-09"}, passed, {{2, 500000}});
  ASSERT_TRUE(none);
  EXPECT_EQ(none->amount_fen, 0);
  // Someone paid nothing on the deal has nothing clawed back.
  EXPECT_FALSE(clawback_line({44, 3, 100, "2026-10-09", "2026-09"}, paid, amounts));
}

TEST(Probation, EachPathAndTheConflictTheRegulationLeavesOpen) {
  Probation p;
  p.roles = {"agent"};
  p.months = 2;
  p.first_month_fen = 800000;
  p.total_fen = 1500000;
  const long long baseline = 800000;
  auto at = [&](int index, std::vector<long long> fen, bool exception = false) {
    std::vector<ProbationMonth> m;
    for (auto f : fen) m.push_back({f, false});
    if (exception) m.back().exception = true;
    return probation_status(p, baseline, index, m);
  };
  // ≥ 8,000 in month 1 → regular from month 2 (the bound is inclusive).
  EXPECT_EQ(at(1, {800000}).next, "regular");
  EXPECT_EQ(at(1, {799999}).next, "probation");
  EXPECT_EQ(at(2, {800000}).status, "regular");
  // The two-month total ≥ 15,000 → regular from month 3; below → eliminated; the manager's exception keeps them.
  EXPECT_EQ(at(2, {700000, 800000}).next, "regular");
  EXPECT_EQ(at(2, {700000, 799999}).next, "eliminated");
  EXPECT_EQ(at(2, {700000, 799999}, true).next, "regular");
  EXPECT_EQ(at(3, {700000, 800000}).status, "regular");
  // Choice 6: 7,500 + 7,600 and 0 + 15,000 pass on the total; under "elimination_rule" they are eliminated.
  EXPECT_EQ(at(2, {750000, 760000}).next, "regular");
  EXPECT_EQ(at(2, {0, 1500000}).next, "regular");
  p.elimination_wins = true;
  EXPECT_EQ(at(2, {750000, 760000}).next, "eliminated");
  EXPECT_NE(at(2, {750000, 760000}).why.find("elimination rule wins"), std::string::npos);
  EXPECT_EQ(at(1, {0}).next, "eliminated");
  EXPECT_EQ(at(2, {0, 1500000}).status, "probation");
  EXPECT_EQ(at(2, {0, 1500000}).next, "eliminated");
  EXPECT_EQ(at(2, {800000, 0}).status, "regular");  // already regular: no longer on probation
}

TEST(Section, ProbationStatesEveryChoice) {
  auto p = problems(kClerk + "[pay.probation]\nroles = [\"agent\"]\nmonths = 2\n");
  EXPECT_TRUE(mentions(p, "missing 'first_month'"));
  EXPECT_TRUE(mentions(p, "missing 'conflict'"));
  EXPECT_TRUE(mentions(p, "missing 'inclusive'"));
  const PayPolicy ok = read(kClerk + R"([pay.probation]
roles = ["agent", "field_rep"]
months = 2
first_month = "hire_month"
regular_after_first_month = 8000
regular_after_total = 15000
inclusive = true
conflict = "elimination_rule"
)");
  ASSERT_TRUE(ok.probation);
  EXPECT_TRUE(ok.probation->elimination_wins);
  EXPECT_EQ(ok.probation->total_fen, 1500000);
  EXPECT_TRUE(ok.probation->applies_to("field_rep"));
}

TEST(Section, APartialMonthIsStated) {
  const std::string silent = "[pay]\ndeduction_cap_percent = 20\n" + kClerk.substr(kHead.size());
  EXPECT_TRUE(mentions(problems(silent), "missing 'partial_month'"));
  EXPECT_TRUE(
      mentions(problems("[pay]\ndeduction_cap_percent = 20\npartial_month = \"half\"\n" + kClerk.substr(kHead.size())),
               "partial_month"));
  EXPECT_EQ(read(kClerk).partial_month, PartialMonth::kCalendarDays);
  const std::string working = "[pay]\ndeduction_cap_percent = 20\npartial_month = \"working_days\"\n";
  EXPECT_EQ(read(working + kClerk.substr(kHead.size())).partial_month, PartialMonth::kWorkingDays);
}

TEST(FinalPay, OnlyAResignationOutOfOrderIsWithheldAndAsADeduction) {
  const FinalPayRule rule{true, 30};
  const std::string hired = "2026-06-01";
  // In order, a dismissal, nothing earned: paid.
  EXPECT_FALSE(final_pay_line(rule, {"2026-10-15", "resigned", 7, "in_order"}, hired, 50000));
  EXPECT_FALSE(final_pay_line(rule, {"2026-10-15", "dismissed", std::nullopt, std::nullopt}, hired, 50000));
  EXPECT_FALSE(final_pay_line(rule, {"2026-10-15", "resigned", 7, "short_notice"}, hired, 0));
  // Short notice: withheld, the whole month asked back as a deduction naming the request.
  auto l = final_pay_line(rule, {"2026-10-15", "resigned", 7, "short_notice"}, hired, 50000);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->amount_fen, -50000);
  EXPECT_EQ(l->rule, "resignation.short_notice");
  EXPECT_EQ(l->record_id, 7);
  EXPECT_TRUE(is_deduction(*l));
  // The rule may keep the final pay on short notice; the first month is withheld all the same.
  const FinalPayRule lenient{false, 30};
  EXPECT_FALSE(final_pay_line(lenient, {"2026-10-15", "resigned", 7, "short_notice"}, hired, 50000));
  EXPECT_TRUE(final_pay_line(lenient, {"2026-10-15", "resigned", 7, "first_month"}, hired, 50000));
  // No approved resignation: walked out — the first month when within its days of hiring (day 30 is not), else
  // short notice.
  auto walked = final_pay_line(rule, {"2026-10-30", "resigned", std::nullopt, std::nullopt}, "2026-10-01", 100);
  ASSERT_TRUE(walked);
  EXPECT_EQ(walked->rule, "resignation.first_month_days");
  walked = final_pay_line(rule, {"2026-10-31", "resigned", std::nullopt, std::nullopt}, "2026-10-01", 100);
  ASSERT_TRUE(walked);
  EXPECT_EQ(walked->rule, "resignation.short_notice");
  EXPECT_FALSE(final_pay_line(lenient, {"2026-10-31", "resigned", std::nullopt, std::nullopt}, "2026-10-01", 100));
  // Settled like any deduction: the cap takes 20 %, the rest is held over.
  Line base;
  base.code = "base";
  base.amount_fen = 50000;
  const std::vector<Line> lines = {base, *l};
  const Settled st = settle(lines, 2000);
  EXPECT_EQ(st.deductions_fen, 10000);
  EXPECT_EQ(st.held_over_fen, 40000);
  EXPECT_EQ(st.net_fen, 40000);
}

}  // namespace waihu::pay

namespace waihu::pay {
namespace {
const std::string kLevelsBySales = kHead + R"([[pay.plan]]
role = "agent"
base = { probation = 700, regular = 750 }
baseline = "none"
level_by = "previous_month_sales"
level = [{ level = 1, base = 750, from_sales = 0 }, { level = 2, base = 850, from_sales = 16000 },
         { level = 3, base = 1000, from_sales = 32000.01 }]
)";
}  // namespace

TEST(Levels, LastMonthsSalesSetThisMonthsBaseAtEveryThreshold) {
  const PayPlan plan = read(kLevelsBySales).plans.at(0);
  auto base = [&](std::optional<long long> previous, const std::string& status = "regular") {
    MonthFacts f;
    f.status = status;
    f.previous_sales_fen = previous;
    return plan_lines(plan, f).at(0);
  };
  EXPECT_EQ(base(std::nullopt).amount_fen, 75000) << "no sales last month: the level from 0";
  EXPECT_EQ(base(1'599'999).amount_fen, 75000);
  EXPECT_EQ(base(1'600'000).amount_fen, 85000);
  EXPECT_EQ(base(3'200'000).amount_fen, 85000);
  EXPECT_EQ(base(3'200'001).amount_fen, 100000);
  EXPECT_EQ(base(3'200'001, "probation").amount_fen, 70000) << "probation pays the probation base";
  EXPECT_EQ(base(1'600'000).explanation,
            "上月业绩 / last month's sales 16,000.00 ≥ 16,000.00：级别 2 底薪 / level 2 base 850.00");
}

TEST(Levels, HowALevelIsFoundIsStated) {
  std::string unstated = kLevelsBySales;
  unstated.erase(unstated.find("level_by"), std::string("level_by = \"previous_month_sales\"\n").size());
  EXPECT_TRUE(mentions(problems(unstated), "level_by")) << "a level table without level_by";
  std::string no_zero = kLevelsBySales;
  no_zero.replace(no_zero.find("from_sales = 0 }"), 16, "from_sales = 1 }");
  EXPECT_TRUE(mentions(problems(no_zero), "one level must start at from_sales = 0"));
  std::string assigned = kLevelsBySales;
  assigned.replace(assigned.find("previous_month_sales"), 20, "assigned");
  EXPECT_TRUE(mentions(problems(assigned), "'from_sales' is for level_by"));
  // Assigned levels read the person's recorded level; one without a row is a missing fact, never a silent base.
  const std::string recorded = kHead + R"([[pay.plan]]
role = "agent"
base = { probation = 700, regular = 750 }
baseline = "none"
level_by = "assigned"
level = [{ level = 1, base = 750 }, { level = 2, base = 900 }]
)";
  const PayPlan plan = read(recorded).plans.at(0);
  MonthFacts f;
  f.level = 2;
  EXPECT_EQ(plan_lines(plan, f).at(0).amount_fen, 90000);
  f.level = 5;
  EXPECT_THROW(plan_lines(plan, f), MissingFact);
}

}  // namespace waihu::pay
