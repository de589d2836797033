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
  const calendar::LocalDate today = time_.today();
  const calendar::Period month_to_date{calendar::Month::of(today).first(), today};
  const calendar::Bounds bounds = time_.bounds(month_to_date);
  o.date = today.str();
  o.month = calendar::Month::of(today).str();
  auto rows = db_.read([&](soci::session& sql) {
    return store::day_team_figures(sql, month_to_date, bounds, time_.utc_offset(bounds.from), org::scope_filter(actor));
  });
  // Every day of the month so far, empty ones too: a trend line without gaps.
  for (auto d = month_to_date.from; d <= today; d = d.plus_days(1)) o.days[d.str()];
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
