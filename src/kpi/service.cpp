#include "kpi/service.hpp"

#include <algorithm>
#include <set>

#include "core/errors.hpp"
#include "kpi/ranking.hpp"
#include "org/rules.hpp"
#include "org/store.hpp"

namespace waihu::kpi {

namespace {
void add(store::Figures& into, const store::Figures& f) {
  for (size_t i = 0; i < into.size(); ++i) into[i] += f[i];
}
}  // namespace

calendar::Period MetricsService::period_of(const std::string& span, const calendar::LocalDate& date) const {
  if (span == "week") return calendar::week_of(date, week_start_ ? week_start_(date) : calendar::Weekday::kMonday);
  if (span == "month") return calendar::Month::of(date).period();
  return {date, date};
}

namespace {
void check_period(const calendar::Period& p) {
  if (p.to < p.from) throw BadRequest::field("to", "结束日期早于开始日期 / before the start");
  if (p.days() > 366) throw BadRequest::field("to", "最长一年 / at most a year");
}
}  // namespace

std::vector<long long> MetricsService::team_within_scope(const org::Actor& actor, long long team_id,
                                                         const std::vector<org::Team>& teams) const {
  const org::ScopeFilter scope = org::scope_filter(actor);
  const bool known = std::any_of(teams.begin(), teams.end(), [&](const org::Team& t) { return t.id == team_id; });
  const bool visible =
      scope.all || std::find(scope.team_ids.begin(), scope.team_ids.end(), team_id) != scope.team_ids.end();
  if (!known || (!visible && !scope.own_user_id)) throw NotFound("team.not_found", "团队不存在 / no such team");
  return org::team_subtree(teams, team_id);
}

std::vector<store::DayTeamTotal> MetricsService::by_day_and_team(const org::Actor& actor, const calendar::Period& p) {
  check_period(p);
  return db_.read([&](soci::session& sql) { return store::day_team_totals(sql, p, org::scope_filter(actor)); });
}

std::vector<store::AgentTotal> MetricsService::agents(const org::Actor& actor, const calendar::Period& p,
                                                      std::optional<long long> team_id,
                                                      std::optional<long long> agent_id,
                                                      std::vector<org::Team>& teams) {
  check_period(p);
  teams = org_.list_teams();
  const org::ScopeFilter scope = org::scope_filter(actor);
  std::set<long long> within;
  if (team_id) {
    for (long long id : team_within_scope(actor, *team_id, teams)) within.insert(id);
  }
  auto rows = db_.read([&](soci::session& sql) { return store::totals(sql, p, scope, agent_id); });
  if (team_id) {
    rows.erase(
        std::remove_if(rows.begin(), rows.end(), [&](const store::AgentTotal& a) { return !within.count(a.team_id); }),
        rows.end());
  }
  return rows;
}

Metrics MetricsService::by_agent(const org::Actor& actor, const calendar::Period& p, std::optional<long long> team_id,
                                 std::optional<long long> agent_id) {
  std::vector<org::Team> teams;
  Metrics out{p, {}, {}};
  for (auto& a : agents(actor, p, team_id, agent_id, teams)) {
    add(out.total, a.figures);
    out.rows.push_back({a.user_id, a.display_name, a.username, a.team_id, a.figures});
  }
  return out;
}

Metrics MetricsService::by_team(const org::Actor& actor, const calendar::Period& p, std::optional<long long> team_id) {
  std::vector<org::Team> teams;
  auto people = agents(actor, p, team_id, std::nullopt, teams);
  const org::ScopeFilter scope = org::scope_filter(actor);
  // The teams shown: the one asked for and those below it, else every team the reader's scope covers.
  std::vector<long long> shown;
  if (team_id) {
    shown = org::team_subtree(teams, *team_id);
  } else if (scope.all) {
    for (const auto& t : teams) shown.push_back(t.id);
  } else if (!scope.team_ids.empty()) {
    shown = scope.team_ids;
  } else {
    shown = {actor.team_id};
  }
  Metrics out{p, {}, {}};
  for (const auto& a : people) add(out.total, a.figures);
  for (const auto& t : teams) {
    if (std::find(shown.begin(), shown.end(), t.id) == shown.end()) continue;
    const auto subtree = org::team_subtree(teams, t.id);
    MetricsRow row{t.id, t.name, "", t.parent_id.value_or(0), {}};
    for (const auto& a : people)
      if (std::find(subtree.begin(), subtree.end(), a.team_id) != subtree.end()) add(row.figures, a.figures);
    out.rows.push_back(std::move(row));
  }
  return out;
}

Leaderboard MetricsService::leaderboard(const org::Actor& actor, const std::string& metric, const calendar::Period& p,
                                        std::optional<long long> team_id) {
  if (!is_metric(metric)) throw BadRequest::field("metric", "没有这个指标 / no such metric");
  check_period(p);
  const auto teams = org_.list_teams();
  const org::ScopeFilter scope = org::scope_filter(actor);
  const bool own_only = !scope.all && scope.team_ids.empty();
  std::optional<std::set<long long>> within;
  if (team_id) {
    const auto subtree = team_within_scope(actor, *team_id, teams);
    within.emplace(subtree.begin(), subtree.end());
  } else if (!scope.all && !own_only) {
    within.emplace(scope.team_ids.begin(), scope.team_ids.end());
  }
  const size_t column = store::metric_index(metric);
  auto [people, totals] = db_.read([&](soci::session& sql) {
    return std::pair{org::store::staff_on(sql, p.to.str()),
                     store::totals(sql, p, org::ScopeFilter{.all = true}, std::nullopt)};
  });
  std::map<long long, long long> value;
  for (const auto& t : totals) value[t.user_id] = t.figures[column];
  std::map<long long, const org::User*> ranked_people;
  std::vector<Scored> scores;
  for (const auto& u : people) {
    if (u.role != org::Role::kAgent && u.role != org::Role::kFieldRep) continue;
    if (within && !within->count(u.team_id)) continue;
    ranked_people[u.id] = &u;
    scores.push_back({u.id, value.count(u.id) ? value.at(u.id) : 0});
  }
  Leaderboard out{p, metric, {}, std::nullopt, static_cast<long long>(scores.size())};
  for (const auto& r : rank_scores(std::move(scores))) {
    const org::User& u = *ranked_people.at(r.id);
    auto team = std::find_if(teams.begin(), teams.end(), [&](const org::Team& t) { return t.id == u.team_id; });
    Standing s{u.id, u.team_id, u.display_name, team == teams.end() ? "" : team->name, r.value, r.rank};
    if (u.id == actor.user_id) out.mine = s;
    if (!own_only) out.rows.push_back(std::move(s));
  }
  return out;
}

}  // namespace waihu::kpi
