#include "pay/rules.hpp"

#include <algorithm>
#include <tuple>

#include "calendar/calendar.hpp"
#include "util/strings.hpp"

namespace waihu::pay {

namespace {

long long product_sales_outside_tiers(const PayPlan& plan, const MonthFacts& f) {
  long long out = 0;
  for (const auto& p : plan.products)
    if (!p.in_tiers)
      if (auto it = f.product_sales_fen.find(p.product); it != f.product_sales_fen.end()) out += it->second;
  return out;
}

Line line(std::string code, std::string zh, std::string en, long long amount, std::string rule, std::string why) {
  Line l;
  l.code = std::move(code);
  l.zh = std::move(zh);
  l.en = std::move(en);
  l.amount_fen = amount;
  l.rule = std::move(rule);
  l.explanation = std::move(why);
  return l;
}

Line rated(std::string code, std::string zh, std::string en, long long basis, long long rate_bp, std::string rule) {
  const long long amount = apply_rate(basis, rate_bp);
  Line l = line(std::move(code), std::move(zh), std::move(en), amount, std::move(rule),
                yuan(basis) + " × " + percent(rate_bp) + " = " + yuan(amount));
  l.basis_fen = basis;
  l.rate_bp = rate_bp;
  return l;
}

std::string plan_clause(const PayPlan& plan) { return "pay.plan." + plan.role; }

}  // namespace

long long scale(long long amount_fen, long long num, long long den) {
  // Half away from zero: 0.5 fen → 1, −0.5 fen → −1 (a clawback mirrors the commission it undoes).
  // floor(|p| ÷ den + ½) = floor((2|p| + den) ÷ 2den), in 128 bits.
  const __int128 p = static_cast<__int128>(amount_fen) * num;
  const __int128 a = p < 0 ? -p : p;
  const __int128 q = (2 * a + den) / (2 * static_cast<__int128>(den));
  return static_cast<long long>(p < 0 ? -q : q);
}

long long apply_rate(long long amount_fen, long long rate_bp) { return scale(amount_fen, rate_bp, 10000); }

std::string yuan(long long fen) {
  // util's "1234567.89", its whole part grouped by thousands.
  std::string text = util::format_yuan(fen);
  const size_t digits = fen < 0 ? 1 : 0;
  for (long long i = static_cast<long long>(text.find('.')) - 3; i > static_cast<long long>(digits); i -= 3)
    text.insert(static_cast<size_t>(i), ",");
  return text;
}

std::string percent(long long rate_bp) { return policy::format_hundredths(rate_bp) + "%"; }

long long basis_amount(const PayPlan& plan, Basis basis, const MonthFacts& f) {
  const bool proxy_counts = plan.proxy && plan.proxy->counts_toward_tiers;
  switch (basis) {
    case Basis::kSales:
      return f.own_sales_fen + (proxy_counts ? f.proxy_sales_fen : 0) - product_sales_outside_tiers(plan, f);
    case Basis::kSelfSourced:
      return f.own_sales_fen - product_sales_outside_tiers(plan, f);
    case Basis::kPayments:
      return f.payments_fen;
    case Basis::kTeamAttainment:
      return f.team_sales_fen.value_or(0);
  }
  return 0;
}

std::vector<Line> commission_lines(const CommissionTable& table, long long amount, const std::string& clause) {
  std::vector<Line> out;
  const auto& bands = table.bands.bands;
  if (table.method == Method::kMarginal) {
    for (size_t i = 0; i < bands.size(); ++i) {
      const long long rate = table.rate_bp[i];
      const long long top = bands[i].to ? std::min(amount, *bands[i].to) : amount;
      const long long slice = top - bands[i].from;
      if (slice <= 0 || rate == 0) continue;
      Line l = rated("commission", "提成", "Commission", slice, rate, clause + ".bands[" + std::to_string(i + 1) + "]");
      l.tier = static_cast<int>(i + 1);
      l.explanation = "第 " + std::to_string(i + 1) + " 档 / band " + std::to_string(i + 1) + " (" +
                      yuan(bands[i].from) + "–" + (bands[i].to ? yuan(*bands[i].to) : std::string("…")) +
                      "): " + l.explanation;
      out.push_back(std::move(l));
    }
    return out;
  }
  const policy::Band* band = table.bands.find(amount);
  if (!band) return out;
  const size_t i = static_cast<size_t>(band - bands.data());
  if (table.rate_bp[i] == 0) return out;
  Line l = rated("commission", "提成", "Commission", amount, table.rate_bp[i],
                 clause + ".bands[" + std::to_string(i + 1) + "]");
  l.tier = static_cast<int>(i + 1);
  l.explanation = "全额按第 " + std::to_string(i + 1) + " 档 / the whole amount at band " + std::to_string(i + 1) +
                  ": " + l.explanation;
  out.push_back(std::move(l));
  return out;
}

std::vector<Line> plan_lines(const PayPlan& plan, const MonthFacts& f) {
  const std::string clause = plan_clause(plan);
  std::vector<Line> out;

  // Base by status and level.
  long long base = f.status == "probation" ? plan.probation_base_fen : plan.regular_base_fen;
  std::string base_why = f.status == "probation" ? "试用期底薪 / probation base" : "转正底薪 / regular base";
  if (f.status != "probation" && plan.level_by_previous_sales) {
    // The highest level whose threshold last month's sales reached (a month without sales: the level from 0).
    const long long sales = f.previous_sales_fen.value_or(0);
    long long level = 0, from = -1;
    for (const auto& [l, at] : plan.level_from_fen)
      if (at <= sales && at > from) {
        level = l;
        from = at;
      }
    base = plan.level_base_fen.at(level);
    base_why = "上月业绩 / last month's sales " + yuan(sales) + " ≥ " + yuan(from) + "：级别 " + std::to_string(level) +
               " 底薪 / level " + std::to_string(level) + " base";
  } else if (f.status != "probation" && !plan.level_base_fen.empty()) {
    if (!f.level || !plan.level_base_fen.count(*f.level))
      throw MissingFact("级别 " + (f.level ? std::to_string(*f.level) : std::string("(未定)")) +
                        " 在底薪表中没有 / level " + (f.level ? std::to_string(*f.level) : std::string("(none)")) +
                        " has no row in the plan's base table");
    base = plan.level_base_fen.at(*f.level);
    base_why = "级别 " + std::to_string(*f.level) + " 底薪 / level " + std::to_string(*f.level) + " base";
  }
  out.push_back(line("base", "底薪", "Base pay", base, clause + ".base", base_why + " " + yuan(base)));

  // Below the baseline the base is cut in proportion (seed 001 "按比例扣划底薪").
  if (plan.baseline && plan.baseline->proportional_cut) {
    const long long reached = basis_amount(plan, plan.baseline->basis, f);
    if (reached < plan.baseline->amount_fen) {
      const long long kept = scale(base, std::max(0LL, reached), plan.baseline->amount_fen);
      Line cut =
          line("baseline_cut", "未达基础业绩扣底薪", "Base cut below the baseline", kept - base, clause + ".baseline",
               yuan(base) + " × " + yuan(std::max(0LL, reached)) + " ÷ " + yuan(plan.baseline->amount_fen) + " = " +
                   yuan(kept));
      cut.basis_fen = reached;
      out.push_back(std::move(cut));
    }
  }

  for (size_t t = 0; t < plan.commissions.size(); ++t) {
    const CommissionTable& table = plan.commissions[t];
    const std::string tclause = clause + ".commission[" + std::to_string(t + 1) + "]";
    if (table.basis == Basis::kTeamAttainment) {
      if (!f.team_target_fen || *f.team_target_fen <= 0)
        throw MissingFact("本月没有团队目标 / no team target is set for the month");
      const long long sales = f.team_sales_fen.value_or(0);
      // Attainment compared exactly (no rounding): sales × 10000 ÷ target hundredths of a percent.
      const policy::Band* band = table.bands.find_ratio(sales * 10000, *f.team_target_fen);
      if (!band) continue;
      const size_t i = static_cast<size_t>(band - table.bands.bands.data());
      const std::string attained = policy::format_hundredths(scale(sales, 10000, *f.team_target_fen)) + "%";
      if (table.rate_bp[i] == 0) continue;
      Line l = rated("commission", "团队业绩提成", "Team commission", sales, table.rate_bp[i],
                     tclause + ".bands[" + std::to_string(i + 1) + "]");
      l.tier = static_cast<int>(i + 1);
      l.explanation = "团队业绩 " + yuan(sales) + " ÷ 目标 " + yuan(*f.team_target_fen) + " = " + attained +
                      " / team sales over target; " + l.explanation;
      out.push_back(std::move(l));
      continue;
    }
    for (auto& l : commission_lines(table, basis_amount(plan, table.basis, f), tclause)) out.push_back(std::move(l));
  }

  if (plan.proxy && f.proxy_sales_fen != 0) {
    const ProxyRule& p = *plan.proxy;
    if (p.side == ProxyRule::Side::kFieldRep) {
      out.push_back(rated("proxy_commission", "代理拜访提成", "Proxy-visit commission", f.proxy_sales_fen, p.rate_bp,
                          clause + ".proxy"));
    } else if (p.paid_by_clerk) {
      Line l = rated("proxy_share", "与商务代表分享代理拜访提成", "Proxy share to the field rep", f.proxy_sales_fen,
                     p.rate_bp, clause + ".proxy");
      l.amount_fen = -l.amount_fen;
      l.explanation = "−(" + l.explanation + ")";
      out.push_back(std::move(l));
    }
  }

  for (size_t i = 0; i < plan.products.size(); ++i) {
    const ProductRate& p = plan.products[i];
    auto it = f.product_sales_fen.find(p.product);
    if (it == f.product_sales_fen.end() || it->second == 0) continue;
    Line l = rated("product", p.product + "提成", p.product + " commission", it->second, p.rate_bp,
                   clause + ".product[" + std::to_string(i + 1) + "]");
    out.push_back(std::move(l));
  }

  // "Out of the clerk's commission" (seed 001 "分享……提成"): the share takes at most the month's commission — the
  // tables' and the products' —, the company paying the field rep any rest; it never cuts into the base.
  if (auto share = std::find_if(out.begin(), out.end(), [](const Line& l) { return l.code == "proxy_share"; });
      share != out.end()) {
    long long commission = 0;
    for (const auto& l : out)
      if (l.code == "commission" || l.code == "product") commission += l.amount_fen;
    if (-share->amount_fen > std::max(0LL, commission)) {
      share->amount_fen = -std::max(0LL, commission);
      share->explanation += "，以本月提成 " + yuan(std::max(0LL, commission)) +
                            " 为限 / at most the month's commission " + yuan(std::max(0LL, commission)) +
                            "; the company pays the rest";
    }
  }

  for (size_t i = 0; i < plan.per_unit.size(); ++i) {
    const PerUnit& u = plan.per_unit[i];
    const long long count = f.metrics.count(u.metric) ? f.metrics.at(u.metric) : 0;
    if (count == 0) continue;
    Line l = line("per_unit", "计件", "Per unit", count * u.fen, clause + ".per_unit[" + std::to_string(i + 1) + "]",
                  u.metric + " " + std::to_string(count) + " × " + yuan(u.fen) + " = " + yuan(count * u.fen));
    l.basis_fen = count;
    out.push_back(std::move(l));
  }

  if (plan.lead_bonus) {
    const LeadBonus& b = *plan.lead_bonus;
    for (auto [grade, count, each] : {std::tuple{"A", f.leads_a, b.a_fen}, std::tuple{"B", f.leads_b, b.b_fen}}) {
      if (count == 0 || each == 0) continue;
      Line l = line("lead_bonus", std::string(grade) + " 类客户奖金", std::string("Grade ") + grade + " lead bonus",
                    count * each, clause + ".lead_bonus." + (grade == std::string("A") ? "a" : "b"),
                    std::string(grade) + " " + std::to_string(count) + " × " + yuan(each) + " = " + yuan(count * each));
      l.basis_fen = count;
      out.push_back(std::move(l));
    }
  }

  if (plan.deal_bonus_bp && f.payments_fen != 0)
    out.push_back(rated("deal_bonus", "回款奖金", "Deal bonus on payments collected", f.payments_fen,
                        *plan.deal_bonus_bp, clause + ".deal_bonus"));
  return out;
}

std::vector<Line> deduction_lines(long long base_fen, const std::vector<LedgerItem>& ledger,
                                  const std::vector<ClaimPenalty>& claims, long long day_divisor_hundredths) {
  std::vector<Line> out;
  for (const auto& e : ledger) {
    const std::string corrects =
        e.corrects ? "（更正 #" + std::to_string(*e.corrects) + " / corrects #" + std::to_string(*e.corrects) + "）"
                   : "";
    if (e.fine_fen != 0) {
      Line l = line("fine", "罚款", "Fine", -e.fine_fen, e.rule,
                    e.day + " " + e.item + corrects + (e.evidence.empty() ? "" : "：" + e.evidence));
      l.basis_fen = e.fine_fen;
      l.record_id = e.id;
      out.push_back(std::move(l));
    }
    if (e.bonus_fen != 0) {
      Line l = line("bonus", "奖金", "Bonus", e.bonus_fen, e.rule,
                    e.day + " " + e.item + (e.evidence.empty() ? "" : "：" + e.evidence));
      l.record_id = e.id;
      out.push_back(std::move(l));
    }
    if (e.base_days_milli != 0) {
      // days × base ÷ (divisor/100) = base × days_milli × 100 ÷ (1000 × divisor_hundredths)
      const long long amount = scale(base_fen, e.base_days_milli * 100, 1000 * day_divisor_hundredths);
      Line l = line("absence", "旷工扣款", "Absence", -amount, e.rule,
                    e.day + " " + e.item + corrects + "：" + policy::format_hundredths(e.base_days_milli / 10) +
                        " 天 / days × " + yuan(base_fen) + " ÷ " + policy::format_hundredths(day_divisor_hundredths) +
                        " = " + yuan(amount));
      l.basis_fen = base_fen;
      l.record_id = e.id;
      out.push_back(std::move(l));
    }
  }
  for (const auto& c : claims) {
    const long long amount = scale(base_fen, c.percent, 100);
    Line l = line("claim_penalty", "撞单扣底薪", "Duplicate-claim penalty", -amount, "duplicate_claims." + c.stage,
                  "撞单 #" + std::to_string(c.claim_id) + " 上报 / escalated (" + c.stage + "): " + yuan(base_fen) +
                      " × " + std::to_string(c.percent) + "% = " + yuan(amount));
    l.basis_fen = base_fen;
    l.rate_bp = c.percent * 100;
    l.record_id = c.claim_id;
    out.push_back(std::move(l));
  }
  return out;
}

bool is_deduction(const Line& l) {
  if (l.code == "adjustment") return l.amount_fen < 0;
  return l.code == "fine" || l.code == "absence" || l.code == "claim_penalty" || l.code == "clawback" ||
         l.code == "carried" || l.code == "held_over" || l.code == "final_pay_withheld";
}

Line adjustment_line(const Adjustment& a) {
  const std::string what = a.rule.empty() ? a.month + " 工资单 / statement" : a.month + " " + a.code + " " + a.rule;
  Line l = line("adjustment", "更正调整", "Adjustment", a.fen, a.rule.empty() ? "pay.inquiry" : a.rule,
                "疑问 #" + std::to_string(a.inquiry_id) + " 更正 / inquiry #" + std::to_string(a.inquiry_id) +
                    " corrects " + what + (a.answer.empty() ? "" : "：" + a.answer));
  l.record_id = a.inquiry_id;
  return l;
}

std::optional<Line> final_pay_line(const FinalPayRule& rule, const Leaving& l, const std::string& hired_on,
                                   long long earned_fen) {
  if (l.reason != "resigned" || earned_fen <= 0) return std::nullopt;
  std::string outcome = l.outcome.value_or("");
  if (!l.request) {  // no approved resignation: they walked out (视同自动离职)
    const auto hired = calendar::LocalDate::parse(hired_on);
    const auto last = calendar::LocalDate::parse(l.left_on);
    const bool first_month =
        rule.first_month_days > 0 && hired && last && *last < hired->plus_days(rule.first_month_days);
    outcome = first_month ? "first_month" : "short_notice";
  }
  const bool first_month = outcome == "first_month";
  if (!first_month && !(outcome == "short_notice" && rule.short_notice_withheld)) return std::nullopt;
  const std::string request =
      l.request ? "辞职申请 #" + std::to_string(*l.request) + " / resignation #" + std::to_string(*l.request)
                : "没有批准的辞职申请 / no approved resignation";
  const std::string why =
      first_month ? "入职未满 " + std::to_string(rule.first_month_days) + " 天离职，无任何薪资 / left within " +
                        std::to_string(rule.first_month_days) + " days of being hired: no pay"
                  : "未按规定提前申请，视同自动离职，无任何薪资 / left without the notice the rule asks: no final pay";
  Line out = line("final_pay_withheld", "离职扣发工资", "Final pay withheld", -earned_fen,
                  first_month ? "resignation.first_month_days" : "resignation.short_notice",
                  l.left_on + " 离职 / left on " + l.left_on + "；" + request + "；" + why + "；" + yuan(earned_fen) +
                      " 全数扣发，受法定扣款上限与最低工资限制 / all of it asked back, within the legal cap and the " +
                      "minimum wage");
  out.basis_fen = earned_fen;
  if (l.request) out.record_id = l.request;
  return out;
}

bool pays_on_deals(std::string_view code) {
  return code == "commission" || code == "proxy_share" || code == "proxy_commission" || code == "product";
}

Line carried_line(long long fen, const std::string& from_month, long long statement_id) {
  Line l = line("carried", "以前月份结转扣款", "Carried from an earlier month", -fen, "pay.deduction_cap_percent",
                from_month + " 超出扣款上限结转 / held over by the cap in " + from_month + ": " + yuan(fen));
  l.basis_fen = fen;
  l.record_id = statement_id;
  return l;
}

std::optional<Line> clawback_line(const Refund& r, const std::vector<PaidLine>& paid,
                                  const std::map<long long, long long>& deal_fen) {
  // Group the lines by table (a marginal table's slices share their deals), keeping those that paid on the deal.
  struct Table {
    std::string label;
    long long amount = 0;
    const PaidLine* first = nullptr;  // a marginal table's slices share their deals
  };
  std::vector<std::pair<std::string, Table>> tables;
  for (const auto& l : paid) {
    if (!pays_on_deals(l.code)) continue;
    if (l.amount_fen == 0 || std::find(l.deals.begin(), l.deals.end(), r.deal_id) == l.deals.end()) continue;
    const std::string key = l.code + "|" + l.rule.substr(0, l.rule.find(".bands["));
    auto it = std::find_if(tables.begin(), tables.end(), [&](const auto& t) { return t.first == key; });
    if (it == tables.end()) {
      tables.push_back({key, {l.code, 0, &l}});
      it = std::prev(tables.end());
    }
    it->second.amount += l.amount_fen;
  }
  if (tables.empty()) return std::nullopt;
  long long total = 0;
  std::string parts;
  for (const auto& [key, t] : tables) {
    long long basis = t.first->deals_fen.value_or(0);
    if (!t.first->deals_fen)
      for (long long d : t.first->deals)
        if (auto f = deal_fen.find(d); f != deal_fen.end()) basis += f->second;
    if (basis <= 0) continue;
    const long long part = scale(t.amount, r.amount_fen, basis);
    total -= part;
    parts += (parts.empty() ? "" : "；") + t.label + " " + yuan(t.amount) + " × " + yuan(r.amount_fen) + " ÷ " +
             yuan(basis) + " = " + yuan(part);
  }
  const bool raises = total > 0;  // a clerk's passed-on proxy share above the commission the deal paid
  Line l = line("clawback", "退款追回提成", "Commission clawed back on a refund", raises ? 0 : total, "pay.clawback",
                r.on_date + " 退款 #" + std::to_string(r.payment_id) + " " + yuan(r.amount_fen) + "（成交 #" +
                    std::to_string(r.deal_id) + "，" + r.deal_month + " 计发 / paid in " + r.deal_month + "）：" +
                    parts + (raises ? "；退款不增加工资 / a refund never raises pay: 0.00" : ""));
  l.basis_fen = r.amount_fen;
  l.record_id = r.payment_id;
  return l;
}

Settled settle(const std::vector<Line>& lines, long long cap_bp, const std::optional<WageFloor>& floor) {
  Settled s;
  long long asked = 0;
  for (const auto& l : lines) {
    if (l.code == "held_over" || l.code == "minimum_wage") continue;
    if (is_deduction(l))
      asked -= l.amount_fen;
    else
      s.gross_fen += l.amount_fen;
  }
  if (floor && s.gross_fen < floor->fen) {
    s.topped_up_fen = floor->fen - s.gross_fen;
    s.gross_fen = floor->fen;
  }
  long long cap = std::max(0LL, apply_rate(s.gross_fen, cap_bp));
  if (floor) cap = std::min(cap, std::max(0LL, s.gross_fen - floor->fen));
  s.deductions_fen = std::min(asked, cap);
  s.held_over_fen = asked - s.deductions_fen;
  s.net_fen = s.gross_fen - s.deductions_fen;
  return s;
}

std::optional<Line> floor_line(const Settled& s, const std::optional<WageFloor>& floor) {
  if (!floor || s.topped_up_fen <= 0) return std::nullopt;
  Line l =
      line("minimum_wage", "补足最低工资", "Raised to the minimum wage", s.topped_up_fen, "minimum_wage." + floor->city,
           floor->city + " 最低工资 / minimum wage " + yuan(floor->fen) + floor->share + " − 应发 / pay " +
               yuan(floor->fen - s.topped_up_fen) + " = " + yuan(s.topped_up_fen));
  l.basis_fen = floor->fen;
  return l;
}

std::optional<Line> held_over_line(const Settled& s, long long cap_bp, const std::optional<WageFloor>& floor) {
  if (s.held_over_fen <= 0) return std::nullopt;
  const bool by_floor = floor && s.deductions_fen < apply_rate(s.gross_fen, cap_bp);
  Line held = line("held_over", "超出扣款上限，结转以后月份", "Above the deduction cap: carried to later months",
                   s.held_over_fen, "pay.deduction_cap_percent",
                   "扣款上限 / cap " + yuan(s.gross_fen) + " × " + percent(cap_bp) +
                       (by_floor ? "，且不低于最低工资 / and not below the minimum wage " + yuan(floor->fen) : "") +
                       " = " + yuan(s.deductions_fen) + "；结转 / carried " + yuan(s.held_over_fen));
  held.basis_fen = s.gross_fen;
  held.rate_bp = cap_bp;
  return held;
}

ProbationStatus probation_status(const Probation& p, long long baseline_fen, int index,
                                 const std::vector<ProbationMonth>& months) {
  const auto k_text = [](size_t k) { return std::to_string(k); };
  long long total = 0;
  for (size_t k = 1; k <= months.size(); ++k) {
    const long long s = months[k - 1].basis_fen;
    total += s;
    // The seed's elimination rule: two months in a row below the baseline (probation has no month before its
    // first), or a month at zero.
    const bool below_twice = baseline_fen > 0 && k >= 2 && months[k - 2].basis_fen < baseline_fen && s < baseline_fen;
    const bool elimination_rule = s == 0 || below_twice;
    std::string next, why;
    if (k == 1 && s >= p.first_month_fen) {
      next = "regular";
      why = "第 1 个月 " + yuan(s) + " ≥ " + yuan(p.first_month_fen) + "，次月转正 / month 1 reached the bar: regular";
    } else if (static_cast<int>(k) < p.months) {
      next = "probation";
      why = "第 1 个月 " + yuan(s) + " < " + yuan(p.first_month_fen) +
            "，继续试用 / month 1 below the bar: probation goes on";
    } else if (total >= p.total_fen) {
      next = "regular";
      why = k_text(k) + " 个月合计 " + yuan(total) + " ≥ " + yuan(p.total_fen) +
            "，转正 / the months' total reached the bar: regular";
    } else {
      next = "eliminated";
      why = k_text(k) + " 个月合计 " + yuan(total) + " < " + yuan(p.total_fen) +
            "，淘汰 / the months' total fell short: eliminated";
    }
    if (p.elimination_wins && elimination_rule && next != "eliminated") {
      next = "eliminated";
      why =
          (s == 0 ? std::string("第 ") + k_text(k) + " 个月业绩为零 / a month at zero"
                  : std::string("连续两个月低于基础业绩 ") + yuan(baseline_fen) + " / two months below the baseline") +
          "，淘汰规则优先 / the elimination rule wins";
    }
    if (next == "eliminated" && months[k - 1].exception) {
      next = "regular";
      why += "；经理批准例外，转正 / the manager granted an exception: regular";
    }
    if (static_cast<int>(k) == index) return {"probation", next, why};
    if (next == "regular")
      return {"regular", "regular", "第 " + k_text(k) + " 个月后转正 / regular since month " + k_text(k + 1)};
    if (next == "eliminated") return {"probation", "eliminated", why};
  }
  // Past probation's months without a decision cannot happen (the last month decides); the caller passes them all.
  return {"regular", "regular", "试用期满 / probation over"};
}

}  // namespace waihu::pay
