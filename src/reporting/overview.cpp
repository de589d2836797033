#include "reporting/overview.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/errors.hpp"
#include "org/rules.hpp"

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
  o.date = today.str();
  o.month = calendar::Month::of(today).str();
  // Every day of the month so far, empty ones too: a trend line without gaps.
  for (auto d = month_to_date.from; d <= today; d = d.plus_days(1)) o.days[d.str()];
  std::unordered_map<long long, TeamFigures> teams;
  using kpi::store::metric_index;
  static const size_t dials = metric_index("dials"), connects = metric_index("connects"),
                      effective = metric_index("effective_calls"), talk = metric_index("talk_seconds"),
                      deals = metric_index("deals"), revenue = metric_index("revenue_fen"),
                      payments = metric_index("payments_fen"), refunds = metric_index("refunds_fen");
  for (const auto& r : metrics_.by_day_and_team(actor, month_to_date)) {
    const auto& m = r.figures;
    Figures f;
    f.calls.dials = m[dials];
    f.calls.connects = m[connects];
    f.calls.effective = m[effective];
    f.calls.talk_seconds = m[talk];
    f.deals = m[deals];
    f.revenue_fen = m[revenue];
    f.payments_fen = m[payments] - m[refunds];
    const std::string date = r.day.str();
    add_figures(o.days[date], f);
    add_figures(o.month_to_date, f);
    TeamFigures& team = teams[r.team_id];
    team.team_id = r.team_id;
    add_figures(team.month, f);
    if (date == o.date) {
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
