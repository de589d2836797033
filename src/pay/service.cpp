#include "pay/service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "db/keyset.hpp"
#include "org/rules.hpp"
#include "org/store.hpp"
#include "pay/inquiry_store.hpp"
#include "pay/lead_store.hpp"
#include "pay/month_run.hpp"
#include "util/strings.hpp"

namespace waihu::pay {

namespace {

bool may_run(const org::Actor& a) { return org::has_right(a.role, org::Right::kRunPayroll); }
// Team targets and probation exceptions are the managers' (finance runs the payroll on them).
bool may_manage(const org::Actor& a) { return org::has_right(a.role, org::Right::kCloseDays); }

// A plan lacking a fact refuses the whole computation, naming every gap at once (never a silent zero).
void refuse_gaps(const std::vector<std::string>& gaps) {
  if (gaps.empty()) return;
  std::string all;
  for (const auto& g : gaps) all += (all.empty() ? "" : "; ") + g;
  throw RuleViolation("payroll.missing_facts", "缺少计算所需的数据 / facts the plans need are missing: " + all,
                      {{"missing", gaps}});
}

}  // namespace

std::vector<TeamTarget> PayrollService::targets(const org::Actor& actor, const calendar::Month& month) {
  if (!org::has_right(actor.role, org::Right::kViewOverview) && !may_run(actor))
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
  if (!may_manage(actor)) throw Forbidden("forbidden", "团队目标由经理设定 / team targets are set by managers");
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

PayrollService::PlansOver PayrollService::plans_over(const calendar::Period& days) {
  PlansOver out;
  out.settling = rules_(days.to);
  for (auto d = days.from; d <= days.to; d = d.plus_days(1)) {
    PayRules r = d == days.to ? out.settling : rules_(d);
    // A version without [pay] leaves pay to the plans around it: it splits nothing.
    if (!r.pay || (!out.periods.empty() && out.periods.back().version == r.version)) continue;
    out.periods.push_back({r.pay, r.version, {d, d}});
    out.kept.push_back(std::move(r));
  }
  // Each period runs to the next one's start; days before the first plan count under it.
  for (size_t i = 0; i < out.periods.size(); ++i)
    out.periods[i].days.to = i + 1 < out.periods.size() ? out.periods[i + 1].days.from.plus_days(-1) : days.to;
  if (!out.periods.empty()) out.periods.front().days.from = days.from;
  return out;
}

MonthInput PayrollService::input_of(const calendar::Month& month, const PlansOver& plans,
                                    std::vector<org::Team> teams) const {
  MonthInput in{
      month,      plans.settling.pay, plans.settling.version, plans.settling.day_divisor_hundredths, std::move(teams),
      time_.now()};
  in.periods = plans.periods;
  in.calendar = plans.settling.calendar;
  in.final_pay = plans.settling.final_pay;
  return in;
}

RunReport PayrollService::run(const org::Actor* actor, const calendar::Month& month) {
  if (actor && !may_run(*actor))
    throw Forbidden("forbidden", "计算工资需要经理或管理员权限 / running payroll needs a manager or an admin");
  if (time_.today() < month.first())
    throw BadRequest::field("month", "该月还没开始 / that month has not begun (" + month.str() + ")");
  const PlansOver plans = plans_over(month.period());
  const PayRules& rules = plans.settling;
  if (!rules.pay)
    throw RuleViolation("payroll.no_plan", "现行制度没有薪酬方案 [pay] / the policy in force has no [pay] section");
  const long long now = time_.now();
  RunReport report{month, 0, 0, 0, rules.version};
  const auto teams = org_.list_teams();
  db_.write([&](soci::session& sql) {
    if (auto m = store::month(sql, month.str()); m && m->status == "closed")
      throw Conflict("payroll.closed",
                     "该月工资已结算，不能重算 / the month's payroll is closed: it is not recomputed");
    MonthInput in = input_of(month, plans, teams);
    in.now = now;
    MonthResult result = compute_month(sql, in);
    refuse_gaps(result.gaps);
    auto& rows = result.rows;
    report.gross_fen = result.gross_fen;
    report.net_fen = result.net_fen;
    store::replace_statements(sql, db_.dialect(), month.str(), rows);
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& p : plans.periods)
      versions.push_back({{"version", p.version}, {"from", p.days.from.str()}, {"to", p.days.to.str()}});
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
    store::mark_adjustments_paid(sql, month.str());
    store::mark_leads_paid(sql, month.str());
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

long long PayrollService::export_month(const org::Actor* actor, const calendar::Month& month, bool lines,
                                       const nlohmann::json& filter_description, const util::SheetTarget& target) {
  using util::Cell;
  const org::Actor all = org::system_actor();
  const org::Actor& reader = actor ? *actor : all;
  // The same people the list shows: one's own for agents, the scope otherwise.
  const bool own_only = org::data_scope(reader.role) == org::Scope::kOwn;
  std::map<long long, org::User> people;
  for (auto& u : org_.users_in_scope(reader))
    if (!own_only || u.id == reader.user_id) people.emplace(u.id, std::move(u));
  std::map<long long, std::string> team_names;
  for (const auto& t : org_.list_teams()) team_names[t.id] = t.name;
  const auto rows = db_.read([&](soci::session& sql) { return store::month_statements(sql, month.str()); });
  const util::Lang lang = target.lang;
  auto sheet =
      util::open_sheet(target, lines ? util::Label{"工资明细", "Pay lines"} : util::Label{"工资单", "Statements"});
  std::vector<util::Label> head = {
      {"工资单编号", "Statement"}, {"员工", "Employee"},  {"登录名", "Login"}, {"小组", "Team"}, {"岗位", "Role"},
      {"月份", "Month"},           {"本月身份", "Status"}};
  if (lines) {
    for (util::Label l : {util::Label{"行", "Line"},
                          {"代码", "Code"},
                          {"项目", "Item"},
                          {"金额", "Amount"},
                          {"基数", "Basis"},
                          {"费率(%)", "Rate (%)"},
                          {"档", "Band"},
                          {"制度条款", "Clause"},
                          {"计算", "Explanation"},
                          {"依据记录", "Records"}})
      head.push_back(l);
  } else {
    for (util::Label l : {util::Label{"应发", "Gross"},
                          {"扣款", "Deductions"},
                          {"实发", "Net"},
                          {"结转下月", "Held over"},
                          {"下月身份", "Next month"},
                          {"制度版本", "Policy version"}})
      head.push_back(l);
  }
  sheet->row(util::header_row(head, lang));
  long long written = 0;
  for (const auto& s : rows) {
    const auto p = people.find(s.user_id);
    if (p == people.end()) continue;
    const std::vector<Cell> who = {
        Cell::integer(s.id), p->second.display_name, p->second.username, team_names[s.team_id], s.role, s.month,
        s.employment_status};
    if (!lines) {
      std::vector<Cell> row = who;
      for (Cell c : {Cell::fen(s.gross_fen), Cell::fen(s.deductions_fen), Cell::fen(s.net_fen),
                     Cell::fen(s.held_over_fen), Cell(s.status_next_month), Cell::integer(s.policy_version)})
        row.push_back(std::move(c));
      sheet->row(row);
      ++written;
      continue;
    }
    long long position = 0;
    for (const auto& [l, sources] : s.lines) {
      std::vector<Cell> row = who;
      for (Cell c :
           {Cell::integer(++position), Cell(l.code), Cell(lang == util::Lang::kZh ? l.zh : l.en),
            Cell::fen(l.amount_fen), l.code == "per_unit" ? Cell::integer(l.basis_fen) : Cell::fen(l.basis_fen),
            l.rate_bp ? Cell::hundredths(*l.rate_bp) : Cell::blank(), l.tier ? Cell::integer(*l.tier) : Cell::blank(),
            Cell(l.rule), Cell(l.explanation), Cell(sources)})
        row.push_back(std::move(c));
      sheet->row(row);
      ++written;
    }
  }
  sheet->close();
  db_.write([&](soci::session& sql) {
    audit::record_export(sql, time_.now(), actor ? std::optional<long long>(actor->user_id) : std::nullopt,
                         "pay_statement", filter_description, written, util::sheet_format_name(target.format));
  });
  return written;
}

store::StatementRow PayrollService::readable_statement(const org::Actor& actor, long long id,
                                                       const nlohmann::json& detail) {
  auto s = db_.read([&](soci::session& sql) { return store::statement(sql, id); });
  if (!s || !org_.sees_records_of(actor, s->user_id))
    throw NotFound("statement.not_found", "工资单不存在 / no such statement");
  // The command line (the system actor) prints what it ran; a person reading another's pay is audited.
  if (actor.user_id != s->user_id && actor.user_id != 0) {
    nlohmann::json after{{"month", s->month}, {"statement_id", id}};
    after.update(detail);
    db_.write([&](soci::session& sql) {
      audit::record(sql, {0, time_.now(), actor.user_id, "pay_statement.view", "user", s->user_id, {}, after, {}});
    });
  }
  return std::move(*s);
}

StatementView PayrollService::statement(const org::Actor& actor, long long id) {
  store::StatementRow s = readable_statement(actor, id, nlohmann::json::object());
  const org::User u = org_.get_user(nullptr, s.user_id);
  std::string team_name;
  for (const auto& t : org_.list_teams())
    if (t.id == u.team_id) team_name = t.name;
  const auto m = month(*calendar::Month::parse(s.month));
  std::optional<store::ExceptionRow> exception;
  std::vector<store::InquiryRow> inquiries;
  db_.read([&](soci::session& sql) {
    exception = store::exception_for(sql, s.user_id, s.month);
    inquiries = store::inquiries_of(sql, s.user_id, s.month);
  });
  return {std::move(s), u.display_name, team_name, m ? m->status : "draft", std::move(exception), std::move(inquiries)};
}

WhatIf PayrollService::whatif(const org::Actor* actor, const calendar::Month& month,
                              const std::function<PayRules()>& draft_rules) {
  if (actor && !may_run(*actor))
    throw Forbidden("forbidden", "工资模拟需要经理或管理员权限 / a what-if needs a manager or an admin");
  const PayRules draft = draft_rules();
  if (!draft.pay) throw RuleViolation("payroll.no_plan", "该制度没有薪酬方案 [pay] / that policy has no [pay] section");
  if (time_.today() < month.first())
    throw BadRequest::field("month", "该月还没开始 / that month has not begun (" + month.str() + ")");
  std::optional<std::set<long long>> in_scope;  // none: everyone
  if (actor) {
    in_scope.emplace();
    for (const auto& u : org_.users_in_scope(*actor)) in_scope->insert(u.id);
  }
  const auto teams = org_.list_teams();
  const PlansOver current_plans = plans_over(month.period());
  const PayRules& current = current_plans.settling;
  WhatIf out;
  out.month = month;
  out.after_version = draft.version;
  std::vector<store::StatementRow> before, after;
  db_.read([&](soci::session& sql) {
    const long long now = time_.now();
    if (store::month(sql, month.str())) {
      out.against = "statements";
      before = store::month_statements(sql, month.str());
      out.before_version = before.empty() ? current.version : before.front().policy_version;
    } else {
      out.against = "in_force";
      out.before_version = current.version;
      // The plans in force may lack a fact the draft does not need: then they pay nothing to compare against.
      if (current.pay) {
        MonthInput in = input_of(month, current_plans, teams);
        in.now = now;
        auto r = compute_month(sql, in);
        if (r.gaps.empty()) before = std::move(r.rows);
      }
    }
    MonthInput in{month, draft.pay, draft.version, draft.day_divisor_hundredths, teams, now};
    in.calendar = draft.calendar;
    in.final_pay = draft.final_pay;
    MonthResult r = compute_month(sql, in);
    refuse_gaps(r.gaps);
    after = std::move(r.rows);
  });
  std::map<long long, std::string> team_names;
  for (const auto& t : teams) team_names[t.id] = t.name;
  // Each person on either side, their lines summed by (code, clause).
  std::map<long long, WhatIf::Person> people;
  std::map<long long, std::map<std::pair<std::string, std::string>, std::pair<long long, long long>>> lines;
  auto take = [&](const std::vector<store::StatementRow>& rows, bool is_after) {
    for (const auto& s : rows) {
      if (in_scope && !in_scope->count(s.user_id)) continue;
      WhatIf::Person& p = people[s.user_id];
      p.user_id = s.user_id;
      p.role = s.role;
      p.team_name = team_names[s.team_id];
      (is_after ? p.after_gross_fen : p.before_gross_fen) = s.gross_fen;
      (is_after ? p.after_net_fen : p.before_net_fen) = s.net_fen;
      (is_after ? out.after_net_fen : out.before_net_fen) += s.net_fen;
      for (const auto& l : s.lines) {
        auto& sums = lines[s.user_id][{l.line.code, l.line.rule}];
        (is_after ? sums.second : sums.first) += l.line.amount_fen;
      }
    }
  };
  take(before, false);
  take(after, true);
  std::vector<long long> ids;
  for (const auto& [id, p] : people) ids.push_back(id);
  const auto names = db_.read([&](soci::session& sql) { return org::store::people_names(sql, ids); });
  for (auto& [id, p] : people) {
    if (auto n = names.find(id); n != names.end()) p.name = n->second.display_name;
    for (const auto& [key, sums] : lines[id])
      if (sums.first != sums.second) p.lines.push_back({key.first, key.second, sums.first, sums.second});
    out.people.push_back(std::move(p));
  }
  return out;
}

std::optional<store::StatementRow> PayrollService::month_to_date(const org::Actor& actor) {
  const calendar::LocalDate today = time_.today();
  const calendar::Month month = calendar::Month::of(today);
  const PlansOver plans = plans_over({month.first(), today});
  if (!plans.settling.pay) return std::nullopt;
  MonthInput in = input_of(month, plans, org_.list_teams());
  in.only_user = actor.user_id;
  MonthResult r = db_.read([&](soci::session& sql) { return compute_month(sql, in); });
  refuse_gaps(r.gaps);
  if (r.rows.empty()) return std::nullopt;
  return std::move(r.rows.front());
}

WageSettings PayrollService::wage_settings(const org::Actor& actor) {
  if (!may_run(actor) && !org::has_right(actor.role, org::Right::kManageOrg))
    throw Forbidden("forbidden", "最低工资由经理与管理员查看 / minimum wages are for managers and admins");
  WageSettings out;
  std::map<long long, std::string> cities;
  db_.read([&](soci::session& sql) {
    out.wages = store::wages(sql);
    cities = store::team_cities(sql);
  });
  const auto teams = org_.list_teams();
  std::map<long long, const org::Team*> by_id;
  for (const auto& t : teams) by_id[t.id] = &t;
  for (const auto& t : teams) {
    WageSettings::TeamCity tc{t.id, t.name, cities.count(t.id) ? cities.at(t.id) : "", ""};
    // The nearest city up the tree (teams form a tree: the walk ends at the root).
    for (const org::Team* at = &t; at;) {
      if (auto c = cities.find(at->id); c != cities.end()) {
        tc.effective_city = c->second;
        break;
      }
      at = at->parent_id && by_id.count(*at->parent_id) ? by_id.at(*at->parent_id) : nullptr;
    }
    out.teams.push_back(std::move(tc));
  }
  return out;
}

namespace {
std::string city_name(const std::string& text) {
  std::string city(util::trim(text));
  if (city.size() > 60) throw BadRequest::field("city", "城市名太长 / the city's name is too long");
  return city;
}
}  // namespace

WageSettings PayrollService::set_wage(const org::Actor& actor, const std::string& city_text, long long amount_fen,
                                      const calendar::Month& from, const std::string& note) {
  if (!org::has_right(actor.role, org::Right::kManageOrg))
    throw Forbidden("forbidden", "最低工资由管理员设定 / minimum wages are set by an admin");
  const std::string city = city_name(city_text);
  if (city.empty()) throw BadRequest::field("city", "必填 / required", "validation.required");
  if (amount_fen <= 0 || amount_fen > 10'000'000)
    throw BadRequest::field("amount_fen",
                            "最低工资应为正数（分），不超过 100,000 元 / a positive amount in fen, at most "
                            "100,000 yuan");
  const std::string text(util::trim(note));
  if (text.size() > 2000) throw BadRequest::field("note", "太长 / too long");
  const long long now = time_.now();
  db_.write([&](soci::session& sql) {
    store::add_wage(sql, {0, city, amount_fen, from.str(), text, actor.user_id, now});
    audit::record(sql, {0,
                        now,
                        actor.user_id,
                        "minimum_wage.set",
                        "minimum_wage",
                        std::nullopt,
                        {},
                        {{"city", city}, {"amount_fen", amount_fen}, {"from_month", from.str()}},
                        {{"note", text}}});
  });
  return wage_settings(actor);
}

WageSettings PayrollService::set_team_city(const org::Actor& actor, long long team_id, const std::string& city_text) {
  if (!org::has_right(actor.role, org::Right::kManageOrg))
    throw Forbidden("forbidden", "团队城市由管理员设定 / a team's city is set by an admin");
  const std::string city = city_name(city_text);
  const auto before = wage_settings(actor);
  auto it = std::find_if(before.teams.begin(), before.teams.end(),
                         [&](const WageSettings::TeamCity& t) { return t.team_id == team_id; });
  if (it == before.teams.end()) throw NotFound("team.not_found", "团队不存在 / no such team");
  const long long now = time_.now();
  db_.write([&](soci::session& sql) {
    store::set_team_city(sql, team_id, city, actor.user_id, now);
    audit::record(
        sql, {0, now, actor.user_id, "team_city.set", "team", team_id, {{"city", it->city}}, {{"city", city}}, {}});
  });
  return wage_settings(actor);
}

store::ExceptionRow PayrollService::grant_exception(const org::Actor& actor, long long user_id,
                                                    const calendar::Month& month, const std::string& reason) {
  if (!may_manage(actor))
    throw Forbidden("forbidden", "试用期例外由经理批准 / a probation exception is the manager's to grant");
  if (!org_.sees_records_of(actor, user_id)) throw NotFound("user.not_found", "用户不存在 / no such user");
  const std::string text(util::trim(reason));
  if (text.empty()) throw BadRequest::field("reason", "请写明理由 / give the reason", "validation.required");
  if (text.size() > 2000) throw BadRequest::field("reason", "太长 / too long");
  store::ExceptionRow row{0, user_id, month.str(), text, actor.user_id, time_.now()};
  db_.write([&](soci::session& sql) {
    if (auto m = store::month(sql, month.str()); m && m->status == "closed")
      throw Conflict("payroll.closed", "该月工资已结算 / the month's payroll is closed");
    if (!store::add_exception(sql, row))
      throw Conflict("probation.exception_exists",
                     "该月已批准过例外 / an exception was granted for that month already");
    audit::record(sql, {0,
                        row.granted_at,
                        actor.user_id,
                        "probation.exception",
                        "user",
                        user_id,
                        {},
                        {{"month", month.str()}},
                        {{"reason", text}}});
  });
  return *db_.read([&](soci::session& sql) { return store::exception_for(sql, user_id, month.str()); });
}

}  // namespace waihu::pay
