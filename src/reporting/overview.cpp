#include "reporting/overview.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/errors.hpp"
#include "org/rules.hpp"
#include "reporting/overview_store.hpp"

namespace waihu::reporting {

void add_figures(Figures& total, const Figures& part) {
  calls::add_figures(total.calls, part.calls);
  total.deals += part.deals;
  total.revenue_fen += part.revenue_fen;
  total.payments_fen += part.payments_fen;
}

Overview OverviewService::overview(const org::Actor& actor) {
  if (!org::has_right(actor.role, org::Right::kViewOverview)) {
    throw Forbidden("auth.forbidden", "无权查看部门概览 / you may not view the overview");
  }
  Overview o;
  o.date = util::china_date(clock_.now());
  o.month = o.date.substr(0, 7);
  const std::string first = o.month + "-01";
  auto rows = db_.read(
      [&](soci::session& sql) { return store::day_team_figures(sql, first, o.date, org::scope_filter(actor)); });
  // Every day of the month so far, empty ones too: a trend line without gaps.
  for (long long t = *util::parse_iso8601(first + "T00:00:00+08:00"); util::china_date(t) <= o.date; t += 86400) {
    o.days[util::china_date(t)];
  }
  std::unordered_map<long long, TeamFigures> teams;
  for (const auto& r : rows) {
    Figures f;
    f.calls.dials = r.dials;
    f.calls.connects = r.connects;
    f.calls.effective = r.effective;
    f.calls.talk_seconds = r.talk_seconds;
    f.deals = r.deals;
    f.revenue_fen = r.revenue_fen;
    f.payments_fen = r.payments_fen;
    add_figures(o.days[r.date], f);
    add_figures(o.month_to_date, f);
    TeamFigures& team = teams[r.team_id];
    team.team_id = r.team_id;
    add_figures(team.month, f);
    if (r.date == o.date) {
      add_figures(o.today, f);
      add_figures(team.today, f);
    }
  }
  std::unordered_map<long long, std::string> names;
  for (const auto& t : org_.list_teams()) names[t.id] = t.name;
  for (auto& [id, team] : teams) {
    team.team_name = names[id];
    o.teams.push_back(std::move(team));
  }
  std::sort(o.teams.begin(), o.teams.end(), [](const TeamFigures& a, const TeamFigures& b) {
    if (a.month.revenue_fen != b.month.revenue_fen) return a.month.revenue_fen > b.month.revenue_fen;
    if (a.month.calls.dials != b.month.calls.dials) return a.month.calls.dials > b.month.calls.dials;
    return a.team_id < b.team_id;
  });
  return o;
}

}  // namespace waihu::reporting
