#pragma once
// The metric layer as people ask it: the figures of agents or teams over a day, a week (the policy's week), a month
// or any period, within the reader's data scope. Teams are the sums of everyone in them and the teams below.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "calendar/company_time.hpp"
#include "db/database.hpp"
#include "kpi/day_store.hpp"
#include "org/service.hpp"

namespace waihu::kpi {

struct MetricsRow {
  long long id = 0;  ///< the agent's or the team's
  std::string name, username;
  long long team_id = 0;  ///< an agent's team; a team's parent (0 for the top)
  store::Figures figures{};
};

struct Metrics {
  calendar::Period period;
  std::vector<MetricsRow> rows;
  store::Figures total{};  ///< everyone the reader sees (within the team asked for)
};

/// One person's place on a leaderboard.
struct Standing {
  long long user_id = 0, team_id = 0;
  std::string name, team_name;
  long long value = 0;
  int rank = 0;  ///< competition rank: equal figures share it (1, 2, 2, 4)
};

struct Leaderboard {
  calendar::Period period;
  std::string metric;
  std::vector<Standing> rows;    ///< best first; empty for an agent (who sees only `mine`)
  std::optional<Standing> mine;  ///< the reader's own place, when they are on the board
  long long people = 0;          ///< how many are ranked
};

class MetricsService {
 public:
  /// The week's first day in force on a date (the policy's week_starts_on).
  using WeekStartAt = std::function<calendar::Weekday(const calendar::LocalDate&)>;
  MetricsService(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org, WeekStartAt week_start)
      : db_(db), time_(time), org_(org), week_start_(std::move(week_start)) {}

  /// "day", "week" or "month" holding `date`.
  calendar::Period period_of(const std::string& span, const calendar::LocalDate& date) const;
  /// Per agent, within scope; `team_id` narrows to that team and the teams below (NotFound outside scope).
  Metrics by_agent(const org::Actor& actor, const calendar::Period& p, std::optional<long long> team_id,
                   std::optional<long long> agent_id);
  /// Per team the reader sees, each the sum of its whole subtree.
  Metrics by_team(const org::Actor& actor, const calendar::Period& p, std::optional<long long> team_id);
  /// The team and the teams below it, NotFound unless the reader's scope reaches the team.
  std::vector<long long> team_within_scope(const org::Actor& actor, long long team_id,
                                           const std::vector<org::Team>& teams) const;
  /// The agents and field reps on the staff ranked by one metric over the period: everyone in the reader's scope
  /// (`team_id` narrows to a team and those below it), idle people at zero. An agent is ranked among the whole
  /// company (or the team asked for) and sees only their own place.
  Leaderboard leaderboard(const org::Actor& actor, const std::string& metric, const calendar::Period& p,
                          std::optional<long long> team_id);
  /// Per day and team within scope (the team each agent is in now), for trends.
  std::vector<store::DayTeamTotal> by_day_and_team(const org::Actor& actor, const calendar::Period& p);

 private:
  std::vector<store::AgentTotal> agents(const org::Actor& actor, const calendar::Period& p,
                                        std::optional<long long> team_id, std::optional<long long> agent_id,
                                        std::vector<org::Team>& teams);
  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
  WeekStartAt week_start_;
};

}  // namespace waihu::kpi
