#include "discipline/elimination_service.hpp"

#include <nlohmann/json.hpp>

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "db/keyset.hpp"
#include "discipline/elimination_rules.hpp"
#include "kpi/day_store.hpp"
#include "org/rules.hpp"
#include "util/strings.hpp"

namespace waihu::discipline {

namespace {
std::map<long long, long long> month_figures(soci::session& sql, const calendar::Month& m, size_t column) {
  std::map<long long, long long> out;
  for (const auto& t : kpi::store::totals(sql, m.period(), org::ScopeFilter{.all = true}, std::nullopt))
    out[t.user_id] = t.figures[column];
  return out;
}
}  // namespace

long long write_elimination_list(soci::session& sql, const EliminationPolicy& p, const calendar::Month& month,
                                 long long policy_version, long long now) {
  const size_t column = kpi::store::metric_index(p.metric);
  const auto now_figures = month_figures(sql, month, column);
  std::vector<std::map<long long, long long>> before;  // latest first
  calendar::Month m = month;
  for (long long i = 0; i < months_looked_back(p); ++i) {
    m = m.previous();
    before.push_back(month_figures(sql, m, column));
  }
  std::vector<MonthFigure> people;
  for (const auto& u : judged_people(sql, month.last())) {
    if (!role_listed(p.roles, u.role)) continue;
    MonthFigure f{u.id, u.team_id, now_figures.count(u.id) ? now_figures.at(u.id) : 0, {}};
    calendar::Month back = month;
    for (const auto& figures : before) {
      back = back.previous();
      if (!u.hired_on.empty() && back.last().str() < u.hired_on) break;  // not on the staff yet
      f.previous.push_back(figures.count(u.id) ? figures.at(u.id) : 0);
    }
    people.push_back(std::move(f));
  }
  long long listed = 0;
  for (const auto& c : eliminations(p, people)) {
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto& caught : c.caught) {
      nlohmann::json r = {{"rule", trigger_name(caught.rule->when)},
                          {"proposes", proposal_name(caught.rule->proposes)}};
      switch (caught.rule->when) {
        case EliminationTrigger::kBottom:
          r.update({{"count", caught.rule->count},
                    {"among", caught.rule->among_team ? "team" : "company"},
                    {"rank", caught.rank},
                    {"of", caught.of}});
          break;
        case EliminationTrigger::kBelow:
          r["under"] = caught.rule->under;
          break;
        case EliminationTrigger::kBelowMonths:
          r.update({{"under", caught.rule->under}, {"months", caught.rule->months}});
          break;
        case EliminationTrigger::kZero:
          break;
      }
      reasons.push_back(std::move(r));
    }
    store::add_warning(sql, {0, c.user_id, month.str(), p.metric, c.value, c.rank, c.people, reasons.dump(),
                             std::string(proposal_name(c.proposes)), policy_version, now, std::nullopt, "",
                             std::nullopt, std::nullopt});
    ++listed;
  }
  return listed;
}

WarningView EliminationService::view(store::WarningRow w) {
  std::vector<long long> ids{w.user_id};
  if (w.decided_by) ids.push_back(*w.decided_by);
  WarningView v{std::move(w), org_.people_names(ids)};
  return v;
}

Page<WarningView> EliminationService::list(const org::Actor& actor, const std::optional<std::string>& month, bool open,
                                           const std::string& cursor, int limit) {
  if (month && !calendar::Month::parse(*month)) throw BadRequest::field("month", "应为 YYYY-MM / must be YYYY-MM");
  store::WarningFilter f;
  f.month = month;
  f.open = open;
  const org::ScopeFilter scope = org::scope_filter(actor);
  const bool manages = org::has_right(actor.role, org::Right::kAnswerReports);
  if (scope.all) {
    f.all = true;
  } else if (manages && !scope.team_ids.empty()) {
    f.team_ids = scope.team_ids;
  } else {
    // Everyone else sees what was decided about them, once it is decided.
    if (open)
      throw Forbidden("forbidden", "待确认名单仅主管及以上可见 / the list to confirm is for supervisors and up");
    f.user_id = actor.user_id;
  }
  auto after = db::cursor_param(cursor);
  auto rows = db_.read([&](soci::session& sql) { return store::warnings(sql, f, after ? after->id : 0, limit + 1); });
  auto page = db::page_of(std::move(rows), limit, [](const store::WarningRow& w) { return db::Cursor{"", w.id}; });
  Page<WarningView> out;
  out.next_cursor = page.next_cursor;
  for (auto& w : page.items) out.items.push_back(view(std::move(w)));
  return out;
}

WarningView EliminationService::decide(const org::Actor& actor, long long id, const std::string& decision,
                                       const std::string& note) {
  if (!org::has_right(actor.role, org::Right::kDecideObjections))
    throw Forbidden("forbidden", "末位淘汰由经理确认 / a manager confirms the elimination list");
  auto w = db_.read([&](soci::session& sql) { return store::warning(sql, id); });
  if (!w || !org_.sees_records_of(actor, w->user_id))
    throw NotFound("warning.not_found", "名单中没有这一条 / no such entry on the list");
  if (w->user_id == actor.user_id) throw RuleViolation("warning.own", "不能确认自己的 / nobody decides their own case");
  if (decision != "warning" && decision != "elimination" && decision != "overridden")
    throw BadRequest::field("decision", "应为 warning、elimination 或 overridden / warning, elimination or overridden");
  const std::string text(util::trim(note));
  if (decision != w->proposes && text.empty())
    throw BadRequest::field("note", "不按名单处理时必须写明理由 / say why when not confirming what was proposed",
                            "validation.required");
  if (text.size() > 2000) throw BadRequest::field("note", "太长 / too long");
  const long long now = time_.now();
  db_.write([&](soci::session& sql) {
    if (!store::decide_warning(sql, id, decision, text, actor.user_id, now))
      throw Conflict("warning.decided", "已经确认过 / decided already");
    audit::record(sql, {0,
                        now,
                        actor.user_id,
                        "elimination.decide",
                        "user",
                        w->user_id,
                        {{"month", w->month}, {"proposes", w->proposes}},
                        {{"decision", decision}},
                        {{"note", text}, {"warning_id", id}}});
  });
  return view(*db_.read([&](soci::session& sql) { return store::warning(sql, id); }));
}

}  // namespace waihu::discipline
