#include "discipline/report_service.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "db/keyset.hpp"
#include "discipline/report_section.hpp"
#include "kpi/json.hpp"
#include "org/rules.hpp"
#include "org/store.hpp"
#include "util/strings.hpp"

namespace waihu::discipline {

namespace {
constexpr size_t kMaxText = 10000;

void need(const org::Actor& actor, org::Right right, const char* zh_en) {
  if (!org::has_right(actor.role, right)) throw Forbidden("forbidden", zh_en);
}

// Who a report goes to, nearest first: an agent's supervisor (a manager where a team has none), a supervisor's
// manager, anyone else's director.
std::vector<org::Role> superiors_of(org::Role r) {
  using org::Role;
  if (r == Role::kAgent || r == Role::kFieldRep) return {Role::kSupervisor, Role::kManager, Role::kDirector};
  if (r == Role::kSupervisor) return {Role::kManager, Role::kDirector};
  return {Role::kDirector};
}
}  // namespace

const ReportRule& ReportService::rule_for(const DayRules& rules, const std::string& kind) {
  auto k = parse_report_kind(kind);
  if (!k) throw BadRequest::field("kind", "应为 daily、weekly 或 monthly / daily, weekly or monthly");
  if (rules.reports)
    for (const auto& r : rules.reports->kinds)
      if (r.kind == *k) return r;
  throw BadRequest::field("kind", "现行制度不要求这种汇报 / the policy in force asks for no such report");
}

std::pair<std::optional<long long>, std::optional<long long>> ReportService::recipients(const org::User& writer) {
  return db_.read([&](soci::session& sql) {
    std::map<long long, std::optional<long long>> parent;
    for (const auto& t : org::store::all_teams(sql)) parent[t.id] = t.parent_id;
    // Nearest up the tree: the first team on the way up holding someone of the role.
    auto nearest = [&](org::Role role) -> std::optional<long long> {
      std::optional<long long> team = writer.team_id;
      for (int depth = 0; team && depth < 64; ++depth) {
        org::store::UserFilter f;
        f.team_ids = {*team};
        f.role = role;
        f.disabled = false;
        for (const auto& u : org::store::list_users(sql, f, 0, 10))
          if (u.id != writer.id && u.employment_status != org::EmploymentStatus::kLeft) return u.id;
        team = parent.count(*team) ? parent[*team] : std::nullopt;
      }
      return std::nullopt;
    };
    std::optional<long long> to;
    for (org::Role r : superiors_of(writer.role))
      if ((to = nearest(r))) break;
    return std::pair{to, nearest(org::Role::kAssistant)};
  });
}

ReportPeriod ReportService::current_period(const ReportRule& rule, const DayRules& rules,
                                           const calendar::LocalDate& today) {
  const calendar::LocalDate anchor =
      rule.kind == ReportKind::kMonthly ? calendar::Month::of(today).previous().first() : today;
  return report_period_of(rule.kind, anchor, rules.week_start);
}

std::vector<DueItem> ReportService::due(const org::Actor& actor) {
  const calendar::LocalDate today = time_.today();
  const DayRules now = rules_(today);
  std::vector<DueItem> out;
  if (!now.reports || !role_listed(now.reports->roles, actor.role)) return out;
  const IsWorking working = working_days(rules_);
  for (const auto& rule : now.reports->kinds) {
    DueItem d;
    d.kind = std::string(report_kind_name(rule.kind));
    d.period = current_period(rule, now, today);
    d.asked = report_asked(rule, d.period, working);
    d.due = report_due(rule, d.period, rules_, time_);
    if (auto sent =
            db_.read([&](soci::session& sql) { return store::report_for(sql, actor.user_id, d.kind, d.period.name); }))
      d.sent_id = sent->id;
    out.push_back(std::move(d));
  }
  return out;
}

ReportDraft ReportService::draft(const org::Actor& actor, const std::string& kind, const std::string& period) {
  const calendar::LocalDate today = time_.today();
  const DayRules now = rules_(today);
  const ReportRule& rule = rule_for(now, kind);
  ReportPeriod p;
  if (period.empty()) {
    p = current_period(rule, now, today);
  } else if (auto named = report_period(rule.kind, period, now.week_start)) {
    p = *named;
  } else {
    throw BadRequest::field("period", "应为 2026-11-02、2026-W45 或 2026-11 / a day, an ISO week or a month");
  }
  if (today < p.days.from) throw BadRequest::field("period", "这一期还没开始 / the period has not begun");
  ReportDraft d;
  d.kind = kind;
  d.period = p;
  d.due = report_due(rule, p, rules_, time_);
  const kpi::Metrics m =
      metrics_.by_agent(actor, {p.days.from, std::min(p.days.to, today)}, std::nullopt, actor.user_id);
  d.figures = kpi::figures_json(m.rows.empty() ? kpi::store::Figures{} : m.rows.front().figures);
  const org::User me = org_.get_user(nullptr, actor.user_id);
  const auto [to, cc] = recipients(me);
  if (to) d.to_name = org_.get_user(nullptr, *to).display_name;
  if (cc) d.cc_name = org_.get_user(nullptr, *cc).display_name;
  if (auto sent = db_.read([&](soci::session& sql) { return store::report_for(sql, actor.user_id, kind, p.name); }))
    d.sent_id = sent->id;
  return d;
}

ReportView ReportService::submit(const org::Actor& actor, const NewReport& in) {
  const DayRules now = rules_(time_.today());
  const ReportRule& rule = rule_for(now, in.kind);
  if (!role_listed(now.reports->roles, actor.role))
    throw Forbidden("report.not_asked", "现行制度不要求你的岗位提交汇报 / the policy asks no reports of your role");
  if (util::trim(in.summary).empty()) throw BadRequest::field("summary", "必填 / required", "validation.required");
  if (rule.kind != ReportKind::kDaily && util::trim(in.plan).empty())
    throw BadRequest::field("plan", "周报、月报须写下期计划 / a weekly or monthly report carries the next plan",
                            "validation.required");
  for (const auto& [field, text] :
       {std::pair{"summary", &in.summary}, {"plan", &in.plan}, {"questions", &in.questions}})
    if (text->size() > kMaxText) throw BadRequest::field(field, "最多 10000 字节 / at most 10,000 bytes");
  if (in.period.empty()) throw BadRequest::field("period", "必填 / required", "validation.required");
  const ReportDraft d = draft(actor, in.kind, in.period);
  if (d.sent_id) throw Conflict("report.sent", "这一期的汇报已经提交 / the report for this period was sent");
  const org::User me = org_.get_user(nullptr, actor.user_id);
  const auto [to, cc] = recipients(me);
  store::WorkReport r;
  r.user_id = actor.user_id;
  r.kind = in.kind;
  r.period = d.period.name;
  r.days = d.period.days;
  r.team_id = me.team_id;
  r.to_user_id = to;
  r.cc_user_id = cc;
  r.summary = in.summary;
  r.plan = in.plan;
  r.questions = in.questions;
  r.figures = d.figures.dump();
  r.due_at = d.due.due_at;
  r.submitted_at = time_.now();
  r.policy_version = now.policy_version;
  auto id = db_.write([&](soci::session& sql) { return store::add_report(sql, r); });
  if (!id) throw Conflict("report.sent", "这一期的汇报已经提交 / the report for this period was sent");
  return get(actor, *id);
}

store::WorkReport ReportService::visible(const org::Actor& actor, long long id) {
  auto r = db_.read([&](soci::session& sql) { return store::report(sql, id); });
  // The writer, the supervisors and managers above, and the assistant it was copied to (备档).
  const bool may = r && (r->user_id == actor.user_id ||
                         ((org::has_right(actor.role, org::Right::kAnswerReports) || r->cc_user_id == actor.user_id) &&
                          org_.sees_records_of(actor, r->user_id)));
  if (!may) throw NotFound("report.not_found", "汇报不存在 / no such report");
  return *r;
}

ReportView ReportService::view(const store::WorkReport& r, bool with_replies) {
  ReportView v;
  v.r = r;
  std::vector<long long> ids{r.user_id};
  if (r.to_user_id) ids.push_back(*r.to_user_id);
  if (r.cc_user_id) ids.push_back(*r.cc_user_id);
  std::vector<store::Reply> replies;
  if (with_replies) {
    replies = db_.read([&](soci::session& sql) { return store::replies(sql, r.id); });
    for (const auto& x : replies) ids.push_back(x.user_id);
  }
  const auto names = org_.people_names(ids);
  auto name = [&](std::optional<long long> id) {
    auto it = id ? names.find(*id) : names.end();
    return it == names.end() ? std::string() : it->second.display_name;
  };
  v.user_name = name(r.user_id);
  v.to_name = name(r.to_user_id);
  v.cc_name = name(r.cc_user_id);
  v.standing = std::string(report_standing_name(judge_report(r.submitted_at, r.due_at)));
  v.age_seconds = std::max(0LL, time_.now() - r.submitted_at);
  for (auto& x : replies) v.replies.emplace_back(x, name(x.user_id));
  return v;
}

ReportView ReportService::get(const org::Actor& actor, long long id) { return view(visible(actor, id), true); }

ReportPage ReportService::list(const org::Actor& actor, const std::string& view_name,
                               const std::optional<std::string>& kind, const std::string& cursor, int limit) {
  store::ReportFilter f;
  f.kind = kind;
  if (view_name == "mine") {
    f.users = {actor.user_id};
  } else {
    if (!org::has_right(actor.role, org::Right::kAnswerReports) && actor.role != org::Role::kAssistant)
      throw Forbidden("forbidden", "查看下属汇报需要主管及以上权限 / reading reports is for supervisors and above");
    for (const auto& u : org_.users_in_scope(actor))
      if (u.id != actor.user_id) f.users.push_back(u.id);
    f.open_only = view_name == "inbox";
    // An assistant reads what was copied to them; filtered in the query so pages stay whole.
    if (actor.role == org::Role::kAssistant) f.copied_to = actor.user_id;
  }
  std::optional<long long> after;
  if (!cursor.empty())
    if (auto c = db::cursor_param(cursor)) after = c->id;
  auto rows = db_.read([&](soci::session& sql) { return store::reports(sql, f, after, limit + 1); });
  auto page = db::page_of(std::move(rows), limit, [](const store::WorkReport& r) { return db::Cursor{"", r.id}; });
  ReportPage out;
  out.next_cursor = page.next_cursor;
  for (const auto& r : page.items) out.items.push_back(view(r, false));
  return out;
}

ReportView ReportService::reply(const org::Actor& actor, long long id, const std::string& body, bool question_open) {
  need(actor, org::Right::kAnswerReports,
       "回复汇报需要主管及以上权限 / answering reports is for supervisors and above");
  const store::WorkReport r = visible(actor, id);
  if (r.user_id == actor.user_id)
    throw RuleViolation("report.own", "不能回复自己的汇报 / nobody answers their own report");
  if (util::trim(body).empty()) throw BadRequest::field("body", "必填 / required", "validation.required");
  if (body.size() > kMaxText) throw BadRequest::field("body", "最多 10000 字节 / at most 10,000 bytes");
  db_.write([&](soci::session& sql) {
    store::add_reply(sql, {0, id, actor.user_id, body, question_open, time_.now()});
  });
  return get(actor, id);
}

std::vector<org::Team> ReportService::teams_in_scope(const org::Actor& actor) {
  std::vector<org::Team> teams = org_.list_teams();
  if (org::data_scope(actor.role) != org::Scope::kAll)
    std::erase_if(teams, [&](const org::Team& t) {
      return std::find(actor.scope_team_ids.begin(), actor.scope_team_ids.end(), t.id) == actor.scope_team_ids.end();
    });
  return teams;
}

FundPage ReportService::fund(const org::Actor& actor, std::optional<long long> team_id, const std::string& cursor,
                             int limit) {
  need(actor, org::Right::kAnswerReports,
       "活动经费由主管及以上查看 / the activity funds are for supervisors and above");
  FundPage out;
  const auto teams = teams_in_scope(actor);
  std::vector<long long> ids;
  for (const auto& t : teams) ids.push_back(t.id);
  const auto balances = db_.read([&](soci::session& sql) { return store::fund_balances(sql, ids); });
  for (const auto& t : teams) out.teams.push_back({t.id, t.name, balances.count(t.id) ? balances.at(t.id) : 0});
  if (!team_id) return out;
  if (std::find(ids.begin(), ids.end(), *team_id) == ids.end())
    throw NotFound("team.not_found", "团队不存在 / no such team");
  std::optional<long long> before;
  if (!cursor.empty())
    if (auto c = db::cursor_param(cursor)) before = c->id;
  auto page =
      db::page_of(db_.read([&](soci::session& sql) { return store::fund_rows(sql, *team_id, before, limit + 1); }),
                  limit, [](const store::FundRow& r) {
                    return db::Cursor{"", r.id};
                  });
  out.rows = std::move(page.items);
  out.next_cursor = page.next_cursor;
  std::vector<long long> people;
  for (const auto& r : out.rows)
    if (r.entered_by) people.push_back(*r.entered_by);
  out.names = org_.people_names(people);
  return out;
}

FundPage ReportService::spend(const org::Actor& actor, long long team_id, long long amount_fen,
                              const std::string& reason) {
  need(actor, org::Right::kManageFund, "活动经费支出由经理记录 / spending from the funds is recorded by managers");
  const auto teams = teams_in_scope(actor);
  if (std::none_of(teams.begin(), teams.end(), [&](const org::Team& t) { return t.id == team_id; }))
    throw BadRequest::field("team_id", "团队不存在或不在你的范围内 / no such team in your scope");
  if (amount_fen <= 0) throw BadRequest::field("amount_fen", "须为正数 / must be positive");
  if (util::trim(reason).empty()) throw BadRequest::field("reason", "必填 / required", "validation.required");
  if (reason.size() > 2000) throw BadRequest::field("reason", "太长 / too long");
  const bool done = db_.write([&](soci::session& sql) {
    const auto balance = store::fund_balances(sql, {team_id});
    if ((balance.count(team_id) ? balance.at(team_id) : 0) < amount_fen) return false;
    store::add_fund_row(sql,
                        {0, team_id, time_.today(), -amount_fen, std::nullopt, actor.user_id, reason, time_.now()});
    return true;
  });
  if (!done) throw BadRequest::field("amount_fen", "超过经费余额 / more than the fund holds");
  return fund(actor, team_id, "", 50);
}

}  // namespace waihu::discipline
