#include "pay/section.hpp"

#include <set>

#include "pay/rules.hpp"

namespace waihu::pay {

namespace {

const std::initializer_list<std::string_view> kRoles = {"agent", "field_rep", "supervisor", "manager", "assistant",
                                                        "qa",    "director",  "admin",      "finance"};

// Yuan written with at most two decimals, as fen.
std::optional<long long> money(const policy::Table& t, std::string_view key, bool required = true) {
  auto v = t.hundredths(key, required);
  if (v && *v < 0) {
    t.problem(key, "'" + std::string(key) + "' cannot be negative");
    return std::nullopt;
  }
  return v;
}

// A percentage with at most two decimals, as basis points, 0–100%.
std::optional<long long> rate(const policy::Table& t, std::string_view key, bool required = true) {
  auto v = t.hundredths(key, required);
  if (v && (*v < 0 || *v > 10000)) {
    t.problem(key, "'" + std::string(key) + "' must be between 0 and 100 (percent)");
    return std::nullopt;
  }
  return v;
}

std::optional<Basis> basis(const policy::Table& t, std::string_view key, bool attainment_allowed) {
  auto b = attainment_allowed ? t.choice(key, {"sales", "self_sourced", "payments", "team_attainment"})
                              : t.choice(key, {"sales", "self_sourced", "payments"});
  if (!b) return std::nullopt;
  if (*b == "sales") return Basis::kSales;
  if (*b == "self_sourced") return Basis::kSelfSourced;
  if (*b == "payments") return Basis::kPayments;
  return Basis::kTeamAttainment;
}

std::optional<CommissionTable> read_commission(const policy::Table& t) {
  CommissionTable c;
  auto b = basis(t, "basis", true);
  // Choices 1 and 2: how a table applies is stated, never assumed.
  auto method = t.choice("method", {"marginal", "flat"});
  auto bands = policy::read_bands(t, 0);
  bool good = b && method && bands;
  if (b) c.basis = *b;
  if (method) c.method = *method == "marginal" ? Method::kMarginal : Method::kFlat;
  if (b == Basis::kTeamAttainment && method == "marginal") {
    t.problem("method", "attainment bands pay the whole team total at the rate reached: method = \"flat\"");
    good = false;
  }
  if (!bands) return std::nullopt;
  c.bands = *bands;
  for (const auto& band : c.bands.bands) {
    auto r = rate(band.row, "percent");
    good = good && r;
    c.rate_bp.push_back(r.value_or(0));
  }
  if (!good) return std::nullopt;
  return c;
}

std::optional<PayPlan> read_plan(const policy::Table& t, std::set<std::string>& seen,
                                 bool (*metric_known)(std::string_view)) {
  PayPlan p;
  auto role = t.choice("role", kRoles);
  bool good = role.has_value();
  if (role) {
    p.role = *role;
    if (!seen.insert(*role).second) {
      t.problem("role", "a second plan for '" + *role + "'");
      good = false;
    }
  }
  p.zh = t.text("zh", false).value_or(p.role);
  p.en = t.text("en", false).value_or(p.role);
  if (auto base = t.table("base")) {
    auto probation = money(*base, "probation");
    auto regular = money(*base, "regular");
    good = good && probation && regular;
    p.probation_base_fen = probation.value_or(0);
    p.regular_base_fen = regular.value_or(0);
  } else {
    good = false;
  }
  // Never assumed: a level table says how a person's level is found — recorded on the person, or reached by last
  // month's sales (seed 001: "次月底薪与当月业绩挂钩").
  const auto levels = t.tables("level");
  std::optional<std::string> level_by;
  if (!levels.empty()) {
    level_by = t.choice("level_by", {"assigned", "previous_month_sales"});
    good = good && level_by;
  } else if (t.has("level_by")) {
    t.problem("level_by", "'level_by' without a level table ([[pay.plan.level]])");
    good = false;
  }
  p.level_by_previous_sales = level_by == "previous_month_sales";
  std::set<long long> thresholds;
  for (const auto& level : levels) {
    auto n = level.integer("level", {.min = 0, .max = 100});
    auto b = money(level, "base");
    if (n && !p.level_base_fen.emplace(*n, b.value_or(0)).second) {
      level.problem("level", "level " + std::to_string(*n) + " listed twice");
      good = false;
    }
    good = good && n && b;
    if (p.level_by_previous_sales) {
      auto from = money(level, "from_sales");
      good = good && from;
      if (from && !thresholds.insert(*from).second) {
        level.problem("from_sales", "two levels start at the same sales");
        good = false;
      }
      if (n && from) p.level_from_fen[*n] = *from;
    } else if (level.has("from_sales")) {
      level.problem("from_sales", "'from_sales' is for level_by = \"previous_month_sales\"");
      good = false;
    }
  }
  if (p.level_by_previous_sales && !thresholds.empty() && !thresholds.count(0)) {
    t.problem("level", "one level must start at from_sales = 0: every month's sales must reach a level");
    good = false;
  }
  // Choice 5: a plan says whether it has a baseline — a table, or the word "none".
  if (t.has_table("baseline")) {
    auto bl = t.table("baseline");
    auto amount = money(*bl, "amount");
    auto on = basis(*bl, "basis", false);
    auto cut = bl->choice("cut", {"proportional", "none"});
    good = good && amount && on && cut;
    if (amount && *amount == 0) {
      bl->problem("amount", "a baseline of 0 is no baseline: write baseline = \"none\"");
      good = false;
    }
    p.baseline = Baseline{amount.value_or(0), on.value_or(Basis::kSales), cut == "proportional"};
  } else if (auto word = t.choice("baseline", {"none"})) {
    p.baseline.reset();
  } else {
    good = false;
  }
  for (const auto& c : t.tables("commission")) {
    auto table = read_commission(c);
    if (table)
      p.commissions.push_back(std::move(*table));
    else
      good = false;
  }
  if (auto proxy = t.table("proxy", false)) {
    ProxyRule r;
    auto side = proxy->choice("side", {"clerk", "field_rep"});
    auto pct = rate(*proxy, "percent");
    // Choice 3: both said, for either side.
    auto counts = proxy->boolean("counts_toward_tiers");
    good = good && side && pct && counts;
    r.rate_bp = pct.value_or(0);
    r.counts_toward_tiers = counts.value_or(false);
    if (side == "field_rep") {
      r.side = ProxyRule::Side::kFieldRep;
      if (proxy->has("paid_by")) {
        proxy->problem("paid_by", "the field rep receives the share: 'paid_by' is the clerk's side's choice");
        good = false;
      }
    } else if (side) {
      auto by = proxy->choice("paid_by", {"clerk", "company"});
      good = good && by;
      r.paid_by_clerk = by == "clerk";
    }
    p.proxy = r;
  }
  for (const auto& u : t.tables("per_unit")) {
    auto metric = u.text("metric");
    auto amount = money(u, "amount");
    if (metric && !metric_known(*metric)) {
      u.problem("metric", "unknown metric '" + *metric + "'");
      good = false;
    }
    good = good && metric && amount;
    p.per_unit.push_back({metric.value_or(""), amount.value_or(0)});
  }
  if (auto lead = t.table("lead_bonus", false)) {
    auto a = money(*lead, "a");
    auto b = money(*lead, "b");
    // Choice 16: paid in the month the lead is found, or the month a field rep signs it off.
    auto month = lead->choice("month", {"found", "signed_off"});
    good = good && a && b && month;
    p.lead_bonus = LeadBonus{a.value_or(0), b.value_or(0), month == "signed_off"};
  }
  if (t.has("deal_bonus_percent")) {
    auto r = rate(t, "deal_bonus_percent");
    good = good && r;
    p.deal_bonus_bp = r;
  }
  std::set<std::string> products;
  for (const auto& pr : t.tables("product")) {
    auto name = pr.text("product");
    auto r = rate(pr, "percent");
    auto in_tiers = pr.boolean("in_tiers");
    if (name && !products.insert(*name).second) {
      pr.problem("product", "'" + *name + "' listed twice");
      good = false;
    }
    good = good && name && r && in_tiers;
    p.products.push_back({name.value_or(""), r.value_or(0), in_tiers.value_or(false)});
  }
  if (!good) return std::nullopt;
  return p;
}

// Choice 6, every part of it stated: the months, where month 1 falls, both thresholds (inclusive), and which rule
// wins where the probation totals and "two months below the baseline / a month at zero" disagree.
std::optional<Probation> read_probation(const policy::Table& t) {
  Probation p;
  auto roles = t.texts("roles", kRoles);
  auto months = t.integer("months", {.min = 1, .max = 2});
  auto first = t.choice("first_month", {"hire_month", "month_after_hire"});
  auto pass_first = money(t, "regular_after_first_month");
  auto pass_total = money(t, "regular_after_total");
  auto inclusive = t.boolean("inclusive");
  auto conflict = t.choice("conflict", {"probation_rule", "elimination_rule"});
  bool good = roles && months && first && pass_first && pass_total && inclusive && conflict;
  if (inclusive && !*inclusive) {
    t.problem("inclusive", "Waihu reads the thresholds as \"at least\" (≥): write inclusive = true");
    good = false;
  }
  if (roles && roles->empty()) {
    t.problem("roles", "name the roles on probation");
    good = false;
  }
  if (!good) return std::nullopt;
  p.roles = *roles;
  p.months = static_cast<int>(*months);
  p.starts_in_hire_month = *first == "hire_month";
  p.first_month_fen = *pass_first;
  p.total_fen = *pass_total;
  p.elimination_wins = *conflict == "elimination_rule";
  return p;
}

std::string basis_zh(Basis b) {
  switch (b) {
    case Basis::kSales:
      return "当月销售额";
    case Basis::kSelfSourced:
      return "当月自拓业绩";
    case Basis::kPayments:
      return "当月回款";
    case Basis::kTeamAttainment:
      return "团队目标达成率";
  }
  return "";
}

std::string basis_en(Basis b) {
  switch (b) {
    case Basis::kSales:
      return "the month's sales";
    case Basis::kSelfSourced:
      return "the month's self-sourced sales";
    case Basis::kPayments:
      return "payments collected in the month";
    case Basis::kTeamAttainment:
      return "the team's attainment of its target";
  }
  return "";
}

// "8,000–16,000: 3%" per band; attainment edges are percentages.
std::string band_text(const CommissionTable& c, size_t i) {
  const auto& b = c.bands.bands[i];
  const bool pct = c.basis == Basis::kTeamAttainment;
  auto edge = [&](long long v) { return pct ? policy::format_hundredths(v) + "%" : yuan(v); };
  return edge(b.from) + (b.to ? "–" + edge(*b.to) : "+") + ": " + percent(c.rate_bp[i]);
}

}  // namespace

std::optional<PayPolicy> read_pay_section(const policy::Document& doc, bool& ok,
                                          bool (*metric_known)(std::string_view)) {
  auto s = doc.root().table("pay", false);
  if (!s) return std::nullopt;
  PayPolicy p;
  bool good = true;
  auto cap = rate(*s, "deduction_cap_percent");
  good = good && cap;
  p.deduction_cap_bp = cap.value_or(2000);
  // The regulations say nothing of a month worked in part: the policy says how its base is paid.
  auto partial = s->choice("partial_month", {"calendar_days", "working_days", "whole_month"});
  good = good && partial;
  p.partial_month = partial == "working_days"  ? PartialMonth::kWorkingDays
                    : partial == "whole_month" ? PartialMonth::kWholeMonth
                                               : PartialMonth::kCalendarDays;
  auto plans = s->tables("plan");
  if (plans.empty()) {
    s->problem("plan", "name at least one [[pay.plan]]");
    good = false;
  }
  std::set<std::string> seen;
  for (const auto& t : plans) {
    auto plan = read_plan(t, seen, metric_known);
    if (plan)
      p.plans.push_back(std::move(*plan));
    else
      good = false;
  }
  if (auto pr = s->table("probation", false)) {
    p.probation = read_probation(*pr);
    good = good && p.probation;
  }
  if (!good) {
    ok = false;
    return std::nullopt;
  }
  return p;
}

policy::RuleSection describe_pay(const PayPolicy& p) {
  policy::RuleSection s{"pay", "薪酬", "Pay", {}, {}};
  for (const auto& plan : p.plans) {
    std::string zh =
        plan.zh + "：底薪 试用期 " + yuan(plan.probation_base_fen) + " 元，转正 " + yuan(plan.regular_base_fen) + " 元";
    std::string en = plan.en + ": base " + yuan(plan.probation_base_fen) + " yuan on probation, " +
                     yuan(plan.regular_base_fen) + " regular";
    for (const auto& [level, base] : plan.level_base_fen) {
      zh += "；级别 " + std::to_string(level) + " " + yuan(base) + " 元";
      en += "; level " + std::to_string(level) + " " + yuan(base);
    }
    s.zh.push_back(zh);
    s.en.push_back(en);
    if (plan.baseline) {
      const Baseline& b = *plan.baseline;
      s.zh.push_back(plan.zh + "：基础业绩 " + yuan(b.amount_fen) + " 元（" + basis_zh(b.basis) + "）" +
                     (b.proportional_cut ? "，未达到按比例扣底薪（底薪 × 业绩 ÷ 基础业绩）" : "，未达到不扣底薪"));
      s.en.push_back(plan.en + ": baseline " + yuan(b.amount_fen) + " yuan (" + basis_en(b.basis) + ")" +
                     (b.proportional_cut ? ", below it the base is cut in proportion (base × sales ÷ baseline)"
                                         : ", no cut below it"));
    } else {
      s.zh.push_back(plan.zh + "：没有基础业绩");
      s.en.push_back(plan.en + ": no baseline");
    }
    for (const auto& c : plan.commissions) {
      std::string bands;
      for (size_t i = 0; i < c.bands.bands.size(); ++i) bands += (i ? "; " : "") + band_text(c, i);
      const bool marginal = c.method == Method::kMarginal;
      s.zh.push_back(plan.zh + "：提成按" + basis_zh(c.basis) +
                     (marginal ? "分段累进（每段按本段比例）" : "全额按达到的档") + "：" + bands);
      s.en.push_back(plan.en + ": commission on " + basis_en(c.basis) +
                     (marginal ? ", marginal (each slice at its own rate)" : ", flat (the whole at the band reached)") +
                     ": " + bands);
    }
    if (plan.proxy) {
      const ProxyRule& r = *plan.proxy;
      if (r.side == ProxyRule::Side::kFieldRep) {
        s.zh.push_back(plan.zh + "：代理拜访签单另得 " + percent(r.rate_bp) +
                       (r.counts_toward_tiers ? "，计入本人任务" : "，不计入本人任务"));
        s.en.push_back(
            plan.en + ": proxy visits pay " + percent(r.rate_bp) + " on top" +
            (r.counts_toward_tiers ? ", counted toward their own tiers" : ", not counted toward their own tiers"));
      } else {
        s.zh.push_back(plan.zh + "：委托代理拜访的单与商务代表分享 " + percent(r.rate_bp) +
                       (r.paid_by_clerk ? "（从本人提成中扣，以当月提成为限）" : "（由公司另付）") +
                       (r.counts_toward_tiers ? "，计入本人阶梯与基础业绩" : "，不计入本人阶梯与基础业绩"));
        s.en.push_back(plan.en + ": a proxy deal shares " + percent(r.rate_bp) + " with the field rep" +
                       (r.paid_by_clerk ? " (out of the clerk's commission, at most the month's commission)"
                                        : " (paid by the company)") +
                       (r.counts_toward_tiers ? ", counted toward the clerk's tiers and baseline"
                                              : ", not counted toward the clerk's tiers and baseline"));
      }
    }
    for (const auto& pr : plan.products) {
      s.zh.push_back(plan.zh + "：" + pr.product + "每单按 " + percent(pr.rate_bp) + " 计发提成" +
                     (pr.in_tiers ? "，并计入阶梯" : "，不计入阶梯"));
      s.en.push_back(plan.en + ": " + pr.product + " pays " + percent(pr.rate_bp) + " an order" +
                     (pr.in_tiers ? ", also counted in the tiers" : ", outside the tiers"));
    }
    for (const auto& u : plan.per_unit) {
      s.zh.push_back(plan.zh + "：" + u.metric + " 每个 " + yuan(u.fen) + " 元");
      s.en.push_back(plan.en + ": " + yuan(u.fen) + " yuan per " + u.metric);
    }
    if (plan.lead_bonus) {
      const LeadBonus& b = *plan.lead_bonus;
      s.zh.push_back(plan.zh + "：A 类客户 " + yuan(b.a_fen) + " 元、B 类 " + yuan(b.b_fen) + " 元，" +
                     (b.on_sign_off ? "商务代表签认当月计发" : "发现当月计发"));
      s.en.push_back(plan.en + ": grade A lead " + yuan(b.a_fen) + ", grade B " + yuan(b.b_fen) +
                     ", paid in the month " + (b.on_sign_off ? "a field rep signs it off" : "it is found"));
    }
    if (plan.deal_bonus_bp) {
      s.zh.push_back(plan.zh + "：实际回款的 " + percent(*plan.deal_bonus_bp) + " 作为成交奖金");
      s.en.push_back(plan.en + ": a deal bonus of " + percent(*plan.deal_bonus_bp) + " of payments collected");
    }
  }
  if (const auto& pr = p.probation) {
    std::string who;
    for (const auto& r : pr->roles) who += (who.empty() ? "" : ", ") + r;
    s.zh.push_back("试用期（" + who + "）最长 " + std::to_string(pr->months) + " 个月，" +
                   (pr->starts_in_hire_month ? "入职当月" : "入职次月") + "为第 1 个月：第 1 个月业绩 ≥ " +
                   yuan(pr->first_month_fen) + " 元，次月转正；" + std::to_string(pr->months) + " 个月合计 ≥ " +
                   yuan(pr->total_fen) + " 元，期满转正；否则淘汰（经理可批准例外）。" +
                   (pr->elimination_wins ? "连续两个月低于基础业绩或当月为零者，即使合计达标也淘汰"
                                         : "试用期内只按试用期规则判定，不适用\"连续两月未达基础业绩或当月为零\""));
    s.en.push_back("Probation (" + who + ") lasts at most " + std::to_string(pr->months) + " months, month 1 being " +
                   (pr->starts_in_hire_month ? "the month hired" : "the month after hiring") + ": ≥ " +
                   yuan(pr->first_month_fen) + " in month 1 → regular from the next month; a total ≥ " +
                   yuan(pr->total_fen) +
                   " → regular after the last; otherwise eliminated (the manager may grant an "
                   "exception). " +
                   (pr->elimination_wins ? "Two months in a row below the baseline, or a month at zero, eliminates "
                                           "even when the total passes"
                                         : "During probation only the probation rule decides"));
  }
  s.zh.push_back("罚款与赔偿每月扣除不超过当月工资的 " + percent(p.deduction_cap_bp) + "，超出部分结转以后月份");
  s.en.push_back("Fines and losses take at most " + percent(p.deduction_cap_bp) +
                 " of a month's wage; the rest is carried to later months");
  switch (p.partial_month) {
    case PartialMonth::kCalendarDays:
      s.zh.push_back("月中入职或离职：底薪（及其扣减）按在职日历天数 ÷ 当月天数计发，提成、阶梯与基础业绩不折算");
      s.en.push_back(
          "Hired or leaving within a month: the base (and any cut of it) is paid by calendar days employed ÷ "
          "the month's days; commission, tiers and the baseline are not prorated");
      break;
    case PartialMonth::kWorkingDays:
      s.zh.push_back(
          "月中入职或离职：底薪（及其扣减）按在职工作日 ÷ 当月工作日计发（公司日历），提成、阶梯与基础业绩不折算");
      s.en.push_back(
          "Hired or leaving within a month: the base (and any cut of it) is paid by working days employed ÷ "
          "the month's working days (company calendar); commission, tiers and the baseline are not prorated");
      break;
    case PartialMonth::kWholeMonth:
      s.zh.push_back("月中入职或离职：底薪按整月计发");
      s.en.push_back("Hired or leaving within a month: the whole month's base is paid");
      break;
  }
  s.zh.push_back("每行金额四舍五入到分，只舍入一次");
  s.en.push_back("Each line is rounded once, half up to the fen");
  return s;
}

bool check_pay_example(const policy::Table& ex, const PayPolicy* p) {
  const std::string name = ex.text("name").value_or("?");
  auto role = ex.choice("role", kRoles);
  auto status = ex.choice("status", {"probation", "regular"}, false);
  MonthFacts f;
  f.status = status.value_or("regular");
  if (auto level = ex.integer("level", {.min = 0, .max = 100}, false)) f.level = level;
  f.previous_sales_fen = money(ex, "previous_sales", false);
  f.own_sales_fen = money(ex, "sales", false).value_or(0);
  f.proxy_sales_fen = money(ex, "proxy_sales", false).value_or(0);
  f.payments_fen = money(ex, "payments", false).value_or(0);
  f.team_sales_fen = money(ex, "team_sales", false);
  f.team_target_fen = money(ex, "team_target", false);
  f.leads_a = ex.integer("leads_a", {.min = 0}, false).value_or(0);
  f.leads_b = ex.integer("leads_b", {.min = 0}, false).value_or(0);
  if (auto products = ex.table("products", false))
    for (const auto& k : products->keys())
      if (auto v = money(*products, k)) f.product_sales_fen[k] = *v;
  if (auto metrics = ex.table("metrics", false))
    for (const auto& k : metrics->keys())
      if (auto v = metrics->integer(k, {.min = 0})) f.metrics[k] = *v;
  auto expect = ex.table("expect");
  std::map<std::string, long long> want;
  if (expect)
    for (const auto& k : expect->keys()) {
      if (k != "base" && k != "commission" && k != "gross") {
        expect->problem(k, "expect names base, commission or gross, not '" + k + "'");
        continue;
      }
      if (auto v = expect->hundredths(k)) want[k] = *v;
    }
  if (!p || !role || !expect) return false;
  const PayPlan* plan = p->plan_for(*role);
  if (!plan) {
    ex.problem("role", "the policy has no [[pay.plan]] for '" + *role + "'");
    return false;
  }
  std::vector<Line> lines;
  try {
    lines = plan_lines(*plan, f);
  } catch (const MissingFact& e) {
    ex.problem("role", "example \"" + name + "\": " + e.what());
    return false;
  }
  std::map<std::string, long long> got{{"base", 0}, {"commission", 0}, {"gross", 0}};
  for (const auto& l : lines) {
    if (l.code == "base" || l.code == "baseline_cut") got["base"] += l.amount_fen;
    if (l.code == "commission" || l.code == "proxy_share" || l.code == "proxy_commission" || l.code == "product")
      got["commission"] += l.amount_fen;
    got["gross"] += l.amount_fen;
  }
  for (const auto& [k, v] : want)
    if (got[k] != v)
      expect->problem(
          k, "example \"" + name + "\": " + k + " comes out " + yuan(got[k]) + ", the example expects " + yuan(v));
  return true;
}

}  // namespace waihu::pay
