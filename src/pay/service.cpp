#include "pay/service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "db/keyset.hpp"
#include "org/rules.hpp"
#include "org/store.hpp"
#include "pay/facts_store.hpp"
#include "pay/rules.hpp"
#include "util/strings.hpp"

namespace waihu::pay {

namespace {

bool may_run(const org::Actor& a) { return org::has_right(a.role, org::Right::kCloseDays); }

// The records a line stands on, as JSON: a commission line on the person's deals, a deal bonus on the payments.
std::string sources_of(const Line& l, const store::PersonMonth& m, const PayPlan& plan) {
  nlohmann::json s = nlohmann::json::object();
  const bool proxy_counts = plan.proxy && plan.proxy->counts_toward_tiers;
  if (l.code == "commission" || l.code == "baseline_cut" || l.code == "product") {
    std::vector<long long> deals = m.own_deals;
    if (proxy_counts) deals.insert(deals.end(), m.proxy_deals.begin(), m.proxy_deals.end());
    std::sort(deals.begin(), deals.end());
    s["deals"] = deals;
  } else if (l.code == "proxy_share" || l.code == "proxy_commission") {
    s["deals"] = m.proxy_deals;
  } else if (l.code == "deal_bonus") {
    s["payments"] = m.payments;
  } else if (l.code == "fine" || l.code == "bonus" || l.code == "absence") {
    s["entries"] = std::vector<long long>{*l.record_id};
  } else if (l.code == "claim_penalty") {
    s["duplicate_claims"] = std::vector<long long>{*l.record_id};
  }
  return s.dump();
}

// Whether a line comes from one of the plan's attainment tables (its clause names the table).
bool attainment_line(const PayPlan& plan, const Line& l) {
  if (l.code != "commission") return false;
  for (size_t t = 0; t < plan.commissions.size(); ++t)
    if (plan.commissions[t].basis == Basis::kTeamAttainment &&
        l.rule.rfind("pay.plan." + plan.role + ".commission[" + std::to_string(t + 1) + "]", 0) == 0)
      return true;
  return false;
}

std::vector<long long> subtree_agents(const std::vector<org::Team>& teams,
                                      const std::map<long long, long long>& team_of, long long team) {
  const auto tree = org::team_subtree(teams, team);
  const std::set<long long> in(tree.begin(), tree.end());
  std::vector<long long> out;
  for (const auto& [user, t] : team_of)
    if (in.count(t)) out.push_back(user);
  return out;
}

}  // namespace

std::vector<TeamTarget> PayrollService::targets(const org::Actor& actor, const calendar::Month& month) {
  if (!org::has_right(actor.role, org::Right::kViewOverview))
    throw Forbidden("forbidden", "团队目标由主管及以上查看 / team targets are for supervisors and above");
  const org::ScopeFilter scope = org::scope_filter(actor);
  const auto rows = db_.read([&](soci::session& sql) { return store::targets(sql, month.str()); });
  std::vector<TeamTarget> out;
  for (const auto& t : org_.list_teams()) {
    if (!scope.all && std::find(scope.team_ids.begin(), scope.team_ids.end(), t.id) == scope.team_ids.end()) continue;
    TeamTarget tt{t.id, t.name, std::nullopt, {}};
    for (const auto& r : rows)
      if (r.team_id == t.id) {
        tt.history.push_back(r);
        tt.current = r;
      }
    out.push_back(std::move(tt));
  }
  return out;
}

TeamTarget PayrollService::set_target(const org::Actor& actor, long long team_id, const calendar::Month& month,
                                      long long amount_fen, const std::string& note) {
  if (!may_run(actor)) throw Forbidden("forbidden", "团队目标由经理设定 / team targets are set by managers");
  if (amount_fen <= 0 || amount_fen > 100'000'000'000LL)
    throw BadRequest::field("amount_fen", "目标应为正数（分）/ a target is a positive amount in fen");
  const std::string text(util::trim(note));
  if (text.size() > 2000) throw BadRequest::field("note", "太长 / too long");
  if (auto m = this->month(month); m && m->status == "closed")
    throw Conflict("payroll.closed", "该月工资已结算，目标不能再改 / the month's payroll is closed");
  auto all = targets(actor, month);
  auto it = std::find_if(all.begin(), all.end(), [&](const TeamTarget& t) { return t.team_id == team_id; });
  if (it == all.end()) throw NotFound("team.not_found", "团队不存在 / no such team");
  store::TargetRow row{0, team_id, month.str(), amount_fen, text, actor.user_id, time_.now()};
  db_.write([&](soci::session& sql) {
    store::add_target(sql, row);
    audit::record(sql, {0,
                        row.set_at,
                        actor.user_id,
                        "team_target.set",
                        "team",
                        team_id,
                        it->current ? nlohmann::json{{"amount_fen", it->current->amount_fen}} : nlohmann::json{},
                        {{"month", month.str()}, {"amount_fen", amount_fen}},
                        {{"note", text}}});
  });
  for (auto& t : targets(actor, month))
    if (t.team_id == team_id) return t;
  return *it;
}

std::optional<store::MonthRow> PayrollService::month(const calendar::Month& month) {
  return db_.read([&](soci::session& sql) { return store::month(sql, month.str()); });
}

RunReport PayrollService::run(const org::Actor* actor, const calendar::Month& month) {
  if (actor && !may_run(*actor))
    throw Forbidden("forbidden", "计算工资需要经理或管理员权限 / running payroll needs a manager or an admin");
  if (time_.today() < month.first())
    throw BadRequest::field("month", "该月还没开始 / that month has not begun (" + month.str() + ")");
  const PayRules rules = rules_(month.last());
  if (!rules.pay)
    throw RuleViolation("payroll.no_plan", "现行制度没有薪酬方案 [pay] / the policy in force has no [pay] section");
  const PayPolicy& policy = *rules.pay;
  const auto teams = org_.list_teams();
  std::map<long long, std::string> team_names;
  for (const auto& t : teams) team_names[t.id] = t.name;
  const long long now = time_.now();
  RunReport report{month, 0, 0, 0, rules.version};
  db_.write([&](soci::session& sql) {
    if (auto m = store::month(sql, month.str()); m && m->status == "closed")
      throw Conflict("payroll.closed",
                     "该月工资已结算，不能重算 / the month's payroll is closed: it is not recomputed");
    const store::MonthRecords records = store::month_records(sql, month.period());
    const auto staff = org::store::staff_on(sql, month.last().str());
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
    std::vector<store::StatementRow> rows;
    std::vector<std::string> gaps;
    for (const auto& u : staff) {
      const PayPlan* plan = policy.plan_for(org::role_name(u.role));
      if (!plan) continue;
      const auto found = records.people.find(u.id);
      const store::PersonMonth person = found == records.people.end() ? store::PersonMonth{} : found->second;
      MonthFacts facts = person.facts;
      facts.status = std::string(org::employment_status_name(u.employment_status));
      facts.level = u.level;
      const bool attainment = std::any_of(plan->commissions.begin(), plan->commissions.end(),
                                          [](const auto& c) { return c.basis == Basis::kTeamAttainment; });
      std::vector<long long> team_deals;
      if (attainment) {
        long long sales = 0;
        for (long long agent : subtree_agents(teams, team_of, u.team_id)) {
          if (auto s = records.sales_by_agent_fen.find(agent); s != records.sales_by_agent_fen.end())
            sales += s->second;
          if (auto d = records.deals_by_agent.find(agent); d != records.deals_by_agent.end())
            team_deals.insert(team_deals.end(), d->second.begin(), d->second.end());
        }
        facts.team_sales_fen = sales;
        std::sort(team_deals.begin(), team_deals.end());
        if (auto t = target_of.find(u.team_id); t != target_of.end()) facts.team_target_fen = t->second;
      }
      std::vector<Line> lines;
      try {
        lines = plan_lines(*plan, facts);
      } catch (const MissingFact& e) {
        gaps.push_back(u.display_name + "（" + team_names[u.team_id] + "）: " + e.what());
        continue;
      }
      // Fines, bonuses, absences and 撞单 penalties, on the base the plan pays this month.
      const long long base = lines.front().amount_fen;
      for (auto& l : deduction_lines(base, person.ledger, person.claim_penalties, rules.day_divisor_hundredths))
        lines.push_back(std::move(l));
      const Settled settled = settle(lines, policy.deduction_cap_bp);
      if (auto held = held_over_line(settled, policy.deduction_cap_bp)) lines.push_back(std::move(*held));
      store::StatementRow s;
      s.month = month.str();
      s.user_id = u.id;
      s.role = std::string(org::role_name(u.role));
      s.team_id = u.team_id;
      s.employment_status = facts.status;
      s.policy_version = rules.version;
      s.computed_at = now;
      for (auto& l : lines) {
        // A team commission stands on the team's deals; any other line on the person's own records.
        std::string sources =
            attainment_line(*plan, l) ? nlohmann::json{{"deals", team_deals}}.dump() : sources_of(l, person, *plan);
        s.lines.push_back({std::move(l), std::move(sources)});
      }
      s.gross_fen = settled.gross_fen;
      s.deductions_fen = settled.deductions_fen;
      s.net_fen = settled.net_fen;
      report.gross_fen += s.gross_fen;
      report.net_fen += s.net_fen;
      rows.push_back(std::move(s));
    }
    if (!gaps.empty()) {
      std::string all;
      for (const auto& g : gaps) all += (all.empty() ? "" : "; ") + g;
      throw RuleViolation("payroll.missing_facts", "缺少计算所需的数据 / facts the plans need are missing: " + all,
                          {{"missing", gaps}});
    }
    store::replace_statements(sql, db_.dialect(), month.str(), rows);
    const nlohmann::json versions = nlohmann::json::array(
        {{{"version", rules.version}, {"from", month.first().str()}, {"to", month.last().str()}}});
    store::put_month(sql, {month.str(), "draft", now, actor ? std::optional<long long>(actor->user_id) : std::nullopt,
                           versions.dump(), std::nullopt, std::nullopt});
    audit::record(
        sql,
        {0,
         now,
         actor ? std::optional<long long>(actor->user_id) : std::nullopt,
         "payroll.run",
         "payroll_month",
         std::nullopt,
         {},
         {{"month", month.str()}, {"statements", static_cast<long long>(rows.size())}, {"gross_fen", report.gross_fen}},
         {{"policy_version", rules.version}}});
    report.statements = static_cast<long long>(rows.size());
  });
  return report;
}

store::MonthRow PayrollService::close(const org::Actor* actor, const calendar::Month& month) {
  if (actor && !may_run(*actor))
    throw Forbidden("forbidden", "结算工资需要经理或管理员权限 / closing payroll needs a manager or an admin");
  if (!(month.last() < time_.today()))
    throw BadRequest::field("month", "月份结束后才能结算 / a month closes once it is over (" + month.str() + ")");
  const long long now = time_.now();
  db_.write([&](soci::session& sql) {
    const auto m = store::month(sql, month.str());
    if (!m) throw RuleViolation("payroll.not_run", "该月工资还没有计算 / the month's payroll has not been run");
    if (!store::close_month(sql, month.str(), now, actor ? actor->user_id : 0))
      throw Conflict("payroll.closed", "该月工资已结算 / the month's payroll is closed already");
    audit::record(sql, {0,
                        now,
                        actor ? std::optional<long long>(actor->user_id) : std::nullopt,
                        "payroll.close",
                        "payroll_month",
                        std::nullopt,
                        {{"status", "draft"}},
                        {{"month", month.str()}, {"status", "closed"}},
                        {}});
  });
  return *this->month(month);
}

Page<StatementView> PayrollService::statements(const org::Actor& actor, const calendar::Month& month,
                                               const std::string& cursor, int limit) {
  const auto after = db::cursor_param(cursor);
  std::vector<long long> users;
  std::map<long long, org::User> people;
  // An agent's directory shows the group; pay is their own only.
  const bool own_only = org::data_scope(actor.role) == org::Scope::kOwn;
  for (auto& u : org_.users_in_scope(actor)) {
    if (own_only && u.id != actor.user_id) continue;
    users.push_back(u.id);
    people.emplace(u.id, std::move(u));
  }
  std::map<long long, std::string> team_names;
  for (const auto& t : org_.list_teams()) team_names[t.id] = t.name;
  const auto m = this->month(month);
  auto rows = db_.read([&](soci::session& sql) {
    return store::statements(sql, month.str(), users, false, after ? after->id : 0, limit + 1);
  });
  auto page = db::page_of(std::move(rows), limit, [](const store::StatementRow& s) { return db::Cursor{"", s.id}; });
  Page<StatementView> out;
  out.next_cursor = page.next_cursor;
  for (auto& s : page.items) {
    const auto& u = people.at(s.user_id);
    out.items.push_back({std::move(s), u.display_name, team_names[u.team_id], m ? m->status : "draft"});
  }
  return out;
}

StatementView PayrollService::statement(const org::Actor& actor, long long id) {
  auto s = db_.read([&](soci::session& sql) { return store::statement(sql, id); });
  if (!s || !org_.sees_records_of(actor, s->user_id))
    throw NotFound("statement.not_found", "工资单不存在 / no such statement");
  const org::User u = org_.get_user(nullptr, s->user_id);
  std::string team_name;
  for (const auto& t : org_.list_teams())
    if (t.id == u.team_id) team_name = t.name;
  const auto m = month(*calendar::Month::parse(s->month));
  // The command line (the system actor) prints what it ran; a person reading another's pay is audited.
  if (actor.user_id != s->user_id && actor.user_id != 0)
    db_.write([&](soci::session& sql) {
      audit::record(sql, {0,
                          time_.now(),
                          actor.user_id,
                          "pay_statement.view",
                          "user",
                          s->user_id,
                          {},
                          {{"month", s->month}, {"statement_id", id}},
                          {}});
    });
  return {std::move(*s), u.display_name, team_name, m ? m->status : "draft"};
}

}  // namespace waihu::pay
