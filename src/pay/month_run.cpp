#include "pay/month_run.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/page.hpp"
#include "org/rules.hpp"
#include "org/store.hpp"
#include "pay/facts_store.hpp"
#include "pay/inquiry_store.hpp"
#include "pay/lead_store.hpp"
#include "pay/leaving_store.hpp"
#include "pay/rules.hpp"

namespace waihu::pay {

namespace {

// N in "pay.plan.agent.<what>[N]…" (from 1), 0 when the clause names no such list.
size_t index_in(const std::string& rule, const std::string& what) {
  const auto at = rule.find("." + what + "[");
  if (at == std::string::npos) return 0;
  return std::stoul(rule.substr(at + what.size() + 2));
}

struct Person {
  const org::User* user = nullptr;
  const PayPlan* plan = nullptr;  ///< the plan of the month's last day (probation's baseline)
  store::PersonMonth records;
  ProbationStatus status;
  std::vector<long long> team_deals;
  std::vector<Line> lines;                   ///< the plans' lines, period by period
  std::vector<nlohmann::json> plan_sources;  ///< each of `lines`' records, by the plan that paid it
  std::vector<store::SignedLead> leads;      ///< signed A/B leads credited to them, not paid by a closed month
  calendar::Period employed;                 ///< the month's days they were employed
  bool leaves = false;                       ///< their last day falls in the month
};

// The signed leads of `grade` a plan pays this month: those whose found or signed-off month (as the plan says) has
// come — this month's, and any an earlier month closed without.
std::vector<long long> leads_due(const Person& p, const PayPlan& plan, const std::string& grade,
                                 const std::string& month) {
  std::vector<long long> out;
  if (!plan.lead_bonus) return out;
  for (const auto& l : p.leads)
    if (l.grade == grade && (plan.lead_bonus->on_sign_off ? l.signed_month : l.found_month) <= month)
      out.push_back(l.id);
  return out;
}

// The deals a table's basis counts, so a line names exactly the records its amount stands on.
std::vector<long long> deals_of(const Person& p, const PayPlan& plan, Basis basis) {
  std::vector<long long> out;
  auto outside_tiers = [&](long long deal) {
    const auto product = p.records.deal_product.find(deal);
    if (product == p.records.deal_product.end()) return false;
    return std::any_of(plan.products.begin(), plan.products.end(),
                       [&](const ProductRate& r) { return !r.in_tiers && r.product == product->second; });
  };
  switch (basis) {
    case Basis::kTeamAttainment:
      return p.team_deals;
    case Basis::kPayments:
      return {};
    case Basis::kSales:
      if (plan.proxy && plan.proxy->counts_toward_tiers) out = p.records.proxy_deals;
      [[fallthrough]];
    case Basis::kSelfSourced:
      out.insert(out.end(), p.records.own_deals.begin(), p.records.own_deals.end());
  }
  out.erase(std::remove_if(out.begin(), out.end(), outside_tiers), out.end());
  std::sort(out.begin(), out.end());
  return out;
}

// The records behind a line; `plan` is the plan that paid a plan line (none for the ledger's and the month's lines).
nlohmann::json sources_of(const Person& p, const PayPlan* paid_by, const Line& l, const std::string& month) {
  static const PayPlan kNone;
  const PayPlan& plan = paid_by ? *paid_by : kNone;
  auto on_basis = [&](Basis b) {
    if (b == Basis::kPayments) return nlohmann::json{{"payments", p.records.payments}};
    return nlohmann::json{{"deals", deals_of(p, plan, b)}};
  };
  if (l.code == "commission") {
    const size_t t = index_in(l.rule, "commission");
    if (t >= 1 && t <= plan.commissions.size()) return on_basis(plan.commissions[t - 1].basis);
  } else if (l.code == "baseline_cut" && plan.baseline) {
    return on_basis(plan.baseline->basis);
  } else if (l.code == "proxy_share" || l.code == "proxy_commission") {
    return {{"deals", p.records.proxy_deals}};
  } else if (l.code == "product") {
    const size_t i = index_in(l.rule, "product");
    std::vector<long long> deals;
    if (i >= 1 && i <= plan.products.size())
      for (const auto& [deal, product] : p.records.deal_product)
        if (product == plan.products[i - 1].product) deals.push_back(deal);
    return {{"deals", deals}};
  } else if (l.code == "lead_bonus") {
    return {{"lead_signoffs", leads_due(p, plan, l.rule.ends_with(".a") ? "A" : "B", month)}};
  } else if (l.code == "deal_bonus") {
    return {{"payments", p.records.payments}};
  } else if (l.code == "fine" || l.code == "bonus" || l.code == "absence") {
    return {{"entries", {*l.record_id}}};
  } else if (l.code == "claim_penalty") {
    return {{"duplicate_claims", {*l.record_id}}};
  } else if (l.code == "clawback") {
    return {{"payments", {*l.record_id}}};
  } else if (l.code == "adjustment") {
    return {{"inquiries", {*l.record_id}}};
  } else if (l.code == "carried") {
    return {{"statements", {*l.record_id}}};
  } else if (l.code == "final_pay_withheld" && l.record_id) {
    return {{"requests", {*l.record_id}}};
  }
  return nlohmann::json::object();
}

// The minimum wage of a team's city — its own or its nearest ancestor's — for the month; none when no city is set
// or the city has no wage yet.
std::optional<WageFloor> floor_of(long long team, const std::map<long long, const org::Team*>& teams,
                                  const std::map<long long, std::string>& cities,
                                  const std::vector<store::WageRow>& wages, const std::string& month) {
  for (int depth = 0; depth < 64; ++depth) {
    if (auto c = cities.find(team); c != cities.end()) {
      std::optional<WageFloor> out;
      for (const auto& w : wages)  // by city, from_month, id: the last one not after the month holds
        if (w.city == c->second && w.from_month <= month) out = WageFloor{w.city, w.amount_fen, ""};
      return out;
    }
    const auto t = teams.find(team);
    if (t == teams.end() || !t->second->parent_id) return std::nullopt;
    team = *t->second->parent_id;
  }
  return std::nullopt;
}

// A line's share of what its plan worked out on the whole month, the arithmetic saying so: `num`/`den` days (or
// working days) of `span`, under `version` when versions split the month.
void prorate(Line& l, long long num, long long den, const calendar::Period& span, long long version, bool working) {
  if (num == den || den <= 0) return;
  const long long whole = l.amount_fen;
  l.amount_fen = scale(whole, num, den);
  const std::string dates = span.from.str().substr(5) + "–" + span.to.str().substr(5);
  const std::string share = std::to_string(num) + "/" + std::to_string(den);
  const std::string arithmetic = yuan(whole) + " × " + share + " = " + yuan(l.amount_fen);
  const std::string v = std::to_string(version);
  l.explanation += "；" + (version ? "第 " + v + " 版 " : std::string("在职 ")) + dates +
                   (working ? " 按工作日 " : " 按天 ") + arithmetic + " / " +
                   (version ? "version " + v + " " : std::string("employed ")) + dates +
                   (working ? " by working days: " : " by days: ") + arithmetic;
}

// The base and any cut of it: what a month worked in part pays by the days employed.
bool paid_by_time(const Line& l) { return l.code == "base" || l.code == "baseline_cut"; }

}  // namespace

MonthResult compute_month(soci::session& sql, const MonthInput& in) {
  const PayPolicy& policy = *in.policy;
  const calendar::Month month = in.month;
  MonthResult out;
  std::vector<PlanPeriod> periods = in.periods;
  if (periods.size() <= 1) periods = {{in.policy, in.policy_version, month.period()}};
  std::map<long long, const org::Team*> team_by_id;
  for (const auto& t : in.teams) team_by_id[t.id] = &t;
  auto team_name = [&](long long id) { return team_by_id.count(id) ? team_by_id.at(id)->name : std::string(); };

  const store::MonthRecords records = store::month_records(sql, month.period());
  // Everyone employed on a day of the month: those hired or leaving within it are paid for their days.
  const auto staff = org::store::staff_during(sql, month.first().str(), month.last().str());
  const auto resignations = store::approved_resignations(sql);
  const calendar::WorkCalendar work_days = in.calendar ? *in.calendar : calendar::WorkCalendar();
  const bool by_working_days = policy.partial_month == PartialMonth::kWorkingDays;
  // A span's length as the policy counts a month worked in part.
  auto time_units = [&](const calendar::Period& p) { return by_working_days ? work_days.working_days(p) : p.days(); };
  // Everyone's team, those who left included: a team's sales count every deal its people closed that month.
  std::map<long long, long long> team_of;
  for (long long after = 0;;) {
    const auto page = org::store::list_users(sql, {}, after, kMaxPageSize);
    for (const auto& u : page) team_of[u.id] = u.team_id;
    if (static_cast<int>(page.size()) < kMaxPageSize) break;
    after = page.back().id;
  }
  std::map<long long, long long> target_of;  // the latest row per team
  for (const auto& t : store::targets(sql, month.str())) target_of[t.team_id] = t.amount_fen;
  const auto cities = store::team_cities(sql);
  const auto wages = store::wages(sql);
  const auto balances = store::balances_before(sql, month.str());
  std::map<long long, std::vector<Line>> adjustments;  // accepted inquiries not yet paid by a closed month
  for (const auto& i : store::adjustments_due(sql, month.str()))
    adjustments[i.user_id].push_back(
        adjustment_line({i.id, i.adjustment_fen.value_or(0), i.month, i.line_code, i.line_rule, i.answer}));
  std::map<long long, std::vector<store::SignedLead>> leads;  // signed A/B leads not yet paid by a closed month
  for (auto& l : store::signed_leads_due(sql, month.str())) leads[l.user_id].push_back(std::move(l));
  std::set<std::pair<long long, std::string>> exceptions;
  for (const auto& e : store::exceptions_through(sql, month.str())) exceptions.insert({e.user_id, e.month});
  std::map<std::string, store::MonthRecords> earlier;  // probation's and levels' earlier months, read once each
  auto records_of = [&](const calendar::Month& m) -> const store::MonthRecords& {
    if (m == month) return records;
    auto it = earlier.find(m.str());
    if (it == earlier.end()) it = earlier.emplace(m.str(), store::month_records(sql, m.period())).first;
    return it->second;
  };
  // Last month's sales as the plan's tiers count them (a level reached by sales sets this month's base).
  auto previous_sales = [&](long long user, const PayPlan& plan) {
    const auto& r = records_of(month.previous());
    const auto pm = r.people.find(user);
    return pm == r.people.end() ? 0 : basis_amount(plan, Basis::kSales, pm->second.facts);
  };
  auto by_attainment = [](const PayPlan* plan) {
    return std::any_of(plan->commissions.begin(), plan->commissions.end(),
                       [](const auto& c) { return c.basis == Basis::kTeamAttainment; });
  };

  std::vector<Person> people;
  for (const auto& u : staff) {
    if (in.only_user && u.id != *in.only_user) continue;
    // The days they were employed: from the day hired, to the last day worked.
    const auto hired = calendar::LocalDate::parse(u.hired_on);
    calendar::Period employed = month.period();
    if (hired && employed.from < *hired) employed.from = *hired;
    const auto left_on = u.left_on ? calendar::LocalDate::parse(*u.left_on) : std::nullopt;
    if (left_on && *left_on < employed.to) employed.to = *left_on;
    const bool leaves = left_on && *left_on <= month.last();
    if (employed.to < employed.from) continue;
    // The role's plan in each period they were employed (a version may have none for it: those days pay nothing).
    std::vector<std::pair<PlanPeriod, const PayPlan*>> plans;
    for (const auto& period : periods) {
      PlanPeriod worked = period;
      worked.days.from = std::max(period.days.from, employed.from);
      worked.days.to = std::min(period.days.to, employed.to);
      if (worked.days.to < worked.days.from) continue;
      if (const PayPlan* plan = period.policy ? period.policy->plan_for(org::role_name(u.role)) : nullptr)
        plans.push_back({worked, plan});
    }
    if (plans.empty()) continue;
    const PayPlan* own = policy.plan_for(org::role_name(u.role));
    const PayPlan* plan = own ? own : plans.back().second;
    Person p;
    p.user = &u;
    p.employed = employed;
    p.leaves = leaves;
    p.plan = plan;
    if (auto found = records.people.find(u.id); found != records.people.end()) p.records = found->second;
    if (auto found = leads.find(u.id); found != leads.end()) p.leads = found->second;
    MonthFacts facts = p.records.facts;
    facts.level = u.level;

    // Status month by month: the probation rule where the policy has one and the person is not recorded regular (a
    // leaver's status while they worked is not kept: the rule works it out, or they were regular).
    const bool left = u.employment_status == org::EmploymentStatus::kLeft;
    const std::string recorded = left ? "regular" : std::string(org::employment_status_name(u.employment_status));
    p.status = {recorded, recorded, ""};
    if (policy.probation && policy.probation->applies_to(org::role_name(u.role)) && hired &&
        (u.employment_status == org::EmploymentStatus::kProbation || left)) {
      const Probation& rule = *policy.probation;
      calendar::Month start = calendar::Month::of(*hired);
      if (!rule.starts_in_hire_month) start = start.next();
      const int months_in = (month.year - start.year) * 12 + (month.month - start.month) + 1;
      if (left && months_in > rule.months) {
        // A leaver past probation's months was kept on: regular.
      } else if (month < start) {
        p.status = {"probation", "probation",
                    "试用期从 " + start.str() + " 算起 / probation counts from " + start.str()};
      } else {
        int index = 0;
        std::vector<ProbationMonth> months;
        for (calendar::Month m = start; m <= month; m = m.next()) {
          ++index;
          if (static_cast<int>(months.size()) == rule.months) continue;
          const store::MonthRecords& r = records_of(m);
          const auto pm = r.people.find(u.id);
          const MonthFacts none;
          const MonthFacts& f = pm == r.people.end() ? none : pm->second.facts;
          months.push_back({basis_amount(*plan, plan->baseline ? plan->baseline->basis : Basis::kSales, f),
                            exceptions.count({u.id, m.str()}) > 0});
        }
        p.status = probation_status(rule, plan->baseline ? plan->baseline->amount_fen : 0, index, months);
      }
    }
    facts.status = p.status.status;
    if (leaves) {
      p.status.next = "left";
      p.status.why += std::string(p.status.why.empty() ? "" : "；") + *u.left_on + " 离职 / left on " + *u.left_on;
    }

    if (std::any_of(plans.begin(), plans.end(), [&](const auto& pp) { return by_attainment(pp.second); })) {
      long long sales = 0;
      const auto tree = org::team_subtree(in.teams, u.team_id);
      const std::set<long long> within(tree.begin(), tree.end());
      for (const auto& [agent, team] : team_of) {
        if (!within.count(team)) continue;
        if (auto s = records.sales_by_agent_fen.find(agent); s != records.sales_by_agent_fen.end()) sales += s->second;
        if (auto d = records.deals_by_agent.find(agent); d != records.deals_by_agent.end())
          p.team_deals.insert(p.team_deals.end(), d->second.begin(), d->second.end());
      }
      std::sort(p.team_deals.begin(), p.team_deals.end());
      facts.team_sales_fen = sales;
      if (auto t = target_of.find(u.team_id); t != target_of.end()) facts.team_target_fen = t->second;
    }
    try {
      // Each period's lines on the whole month; periods whose versions pay this person alike are one.
      struct Share {
        PlanPeriod period;
        const PayPlan* plan;
        std::vector<Line> lines;
      };
      std::vector<Share> shares;
      for (const auto& [period, paid_by] : plans) {
        MonthFacts f = facts;
        if (paid_by->level_by_previous_sales) f.previous_sales_fen = previous_sales(u.id, *paid_by);
        f.leads_a = static_cast<long long>(leads_due(p, *paid_by, "A", month.str()).size());
        f.leads_b = static_cast<long long>(leads_due(p, *paid_by, "B", month.str()).size());
        auto lines = plan_lines(*paid_by, f);
        if (!shares.empty() && shares.back().lines == lines &&
            shares.back().period.days.to.plus_days(1) == period.days.from)
          shares.back().period.days.to = period.days.to;
        else
          shares.push_back({period, paid_by, std::move(lines)});
      }
      // A line every period pays alike is paid once over all of them (with the first period's); the others over
      // their period. The base (and its cut) by the policy's share of the month for the days they cover; the
      // rest — worked out on the whole month's records — by their share of the days employed.
      auto in_every = [&](const Line& l) {
        return std::all_of(shares.begin(), shares.end(), [&](const Share& sh) {
          return std::find(sh.lines.begin(), sh.lines.end(), l) != sh.lines.end();
        });
      };
      const bool split = shares.size() > 1 || periods.size() > 1;
      for (size_t i = 0; i < shares.size(); ++i)
        for (const Line& line : shares[i].lines) {
          const bool alike = shares.size() > 1 && in_every(line);
          if (alike && i > 0) continue;
          calendar::Period span = shares[i].period.days;
          if (alike) span.to = shares.back().period.days.to;
          // The days of `span` the plans pay (a version without the role's plan pays none), and as the policy
          // counts a month worked in part.
          long long days = 0, units = 0;
          for (const auto& sh : shares)
            if (span.from <= sh.period.days.from && sh.period.days.to <= span.to) {
              days += sh.period.days.days();
              units += time_units(sh.period.days);
            }
          Line l = line;
          const long long version = split && !alike ? shares[i].period.version : 0;
          if (paid_by_time(l) && policy.partial_month != PartialMonth::kWholeMonth) {
            prorate(l, units, time_units(month.period()), span, version, by_working_days);
          } else {
            prorate(l, days, employed.days(), span, version, false);
          }
          p.plan_sources.push_back(sources_of(p, shares[i].plan, l, month.str()));
          p.lines.push_back(std::move(l));
        }
    } catch (const MissingFact& e) {
      out.gaps.push_back(u.display_name + "（" + team_name(u.team_id) + "）: " + e.what());
      continue;
    }
    people.push_back(std::move(p));
  }

  // Refunds accepted this month, clawed back from whoever was paid on their deals: this month's lines for a deal of
  // this month, the stored statements of the deal's month otherwise (nothing when that month was never run).
  std::map<long long, std::vector<Line>> clawbacks;
  {
    std::map<long long, std::vector<PaidLine>> paid_now;
    for (const auto& p : people)
      for (size_t i = 0; i < p.lines.size(); ++i)
        if (const Line& l = p.lines[i]; pays_on_deals(l.code) && l.amount_fen != 0) {
          const auto& s = p.plan_sources[i];
          paid_now[p.user->id].push_back(
              {l.code, l.rule, l.amount_fen,
               s.contains("deals") ? s["deals"].get<std::vector<long long>>() : std::vector<long long>{}});
        }
    // Who was paid on each deal, so a refund visits those people alone (a manager's lines name every deal).
    using PaidOn = std::map<long long, std::set<long long>>;
    auto index = [](const std::map<long long, std::vector<PaidLine>>& paid) {
      PaidOn on;
      for (const auto& [user, lines] : paid)
        for (const auto& l : lines)
          for (long long d : l.deals) on[d].insert(user);
      return on;
    };
    // Each line's basis summed once, not once per refund (a manager's line sums the department's deals).
    auto sum_bases = [](std::map<long long, std::vector<PaidLine>>& paid, const std::map<long long, long long>& fen) {
      for (auto& [user, lines] : paid)
        for (auto& l : lines) {
          long long sum = 0;
          for (long long d : l.deals)
            if (auto f = fen.find(d); f != fen.end()) sum += f->second;
          l.deals_fen = sum;
        }
    };
    sum_bases(paid_now, records.deal_fen);
    const PaidOn paid_on_now = index(paid_now);
    std::map<std::string, std::map<long long, std::vector<PaidLine>>> paid_then;
    std::map<std::string, PaidOn> paid_on_then;
    std::map<std::string, std::map<long long, long long>> amounts_then;
    for (const auto& r : records.refunds) {
      const bool now = r.deal_month == month.str();
      if (!now && !paid_then.count(r.deal_month)) {
        paid_then[r.deal_month] = store::paid_lines(sql, r.deal_month);
        paid_on_then[r.deal_month] = index(paid_then[r.deal_month]);
        amounts_then[r.deal_month] = store::deal_amounts(sql, calendar::Month::parse(r.deal_month)->period());
        sum_bases(paid_then[r.deal_month], amounts_then[r.deal_month]);
      }
      const auto& paid = now ? paid_now : paid_then[r.deal_month];
      const auto& paid_on = now ? paid_on_now : paid_on_then[r.deal_month];
      const auto& amounts = now ? records.deal_fen : amounts_then[r.deal_month];
      const auto who = paid_on.find(r.deal_id);
      if (who == paid_on.end()) continue;
      for (long long user : who->second)
        if (auto l = clawback_line(r, paid.at(user), amounts)) clawbacks[user].push_back(std::move(*l));
    }
  }

  for (auto& p : people) {
    const org::User& u = *p.user;
    std::vector<Line> lines = std::move(p.lines);
    // Fines, bonuses, absences and 撞单 penalties on the base the plans pay this month; clawbacks; the balance an
    // earlier month's cap held back.
    long long base = 0;
    for (const auto& l : lines)
      if (l.code == "base") base += l.amount_fen;
    for (auto& l : deduction_lines(base, p.records.ledger, p.records.claim_penalties, in.day_divisor_hundredths))
      lines.push_back(std::move(l));
    if (auto c = clawbacks.find(u.id); c != clawbacks.end())
      for (auto& l : c->second) lines.push_back(std::move(l));
    if (auto a = adjustments.find(u.id); a != adjustments.end())
      for (const auto& l : a->second) lines.push_back(l);
    if (auto b = balances.find(u.id); b != balances.end())
      lines.push_back(carried_line(b->second.fen, b->second.month, b->second.statement_id));
    // A resigned leaver's final month, withheld where the [resignation] rule says (as a deduction: the law's cap and
    // the minimum wage hold).
    if (in.final_pay && p.leaves) {
      long long earned = 0;
      for (const auto& l : lines)
        if (!is_deduction(l)) earned += l.amount_fen;
      Leaving leaving{*u.left_on, u.left_reason.value_or(""), std::nullopt, std::nullopt};
      if (auto r = resignations.find(u.id); r != resignations.end()) {
        leaving.request = r->second.id;
        leaving.outcome = r->second.outcome;
      }
      if (auto l = final_pay_line(*in.final_pay, leaving, u.hired_on, earned)) lines.push_back(std::move(*l));
    }
    // The minimum wage is for the time worked: a month worked in part scales it as the base.
    auto floor = floor_of(u.team_id, team_by_id, cities, wages, month.str());
    if (floor && policy.partial_month != PartialMonth::kWholeMonth) {
      const long long worked = time_units(p.employed), whole = time_units(month.period());
      if (worked != whole && whole > 0) {
        floor->fen = scale(floor->fen, worked, whole);
        const std::string share = std::to_string(worked) + "/" + std::to_string(whole);
        floor->share = "（在职 " + share + (by_working_days ? " 工作日 / " : " 天 / ") + share +
                       (by_working_days ? " working days employed）" : " days employed）");
      }
    }
    const Settled settled = settle(lines, policy.deduction_cap_bp, floor);
    if (auto up = floor_line(settled, floor)) lines.push_back(std::move(*up));
    if (auto held = held_over_line(settled, policy.deduction_cap_bp, floor)) lines.push_back(std::move(*held));

    store::StatementRow s;
    s.month = month.str();
    s.user_id = u.id;
    s.role = std::string(org::role_name(u.role));
    s.team_id = u.team_id;
    s.employment_status = p.status.status;
    s.status_next_month = p.status.next;
    s.status_why = p.status.why;
    s.policy_version = in.policy_version;
    s.computed_at = in.now;
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string sources =
          (i < p.plan_sources.size() ? p.plan_sources[i] : sources_of(p, nullptr, lines[i], month.str())).dump();
      s.lines.push_back({std::move(lines[i]), std::move(sources)});
    }
    s.gross_fen = settled.gross_fen;
    s.deductions_fen = settled.deductions_fen;
    s.net_fen = settled.net_fen;
    s.held_over_fen = settled.held_over_fen;
    out.gross_fen += s.gross_fen;
    out.net_fen += s.net_fen;
    out.rows.push_back(std::move(s));
  }
  return out;
}

}  // namespace waihu::pay
