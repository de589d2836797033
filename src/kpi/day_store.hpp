#pragma once
// SQL for the per-agent-per-day figures: each group of metrics recomputed from its records for one company day
// (one agent or all), and the rows kept in agent_days. The same recomputation keeps a row current after a write,
// rebuilds a period and verifies one, so a kept figure and a recomputed one cannot mean different things.
#include <soci/soci.h>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "db/database.hpp"
#include "kpi/definitions.hpp"
#include "org/rules.hpp"

namespace waihu::kpi::store {

/// The metrics a kind of record feeds, as a bit set.
enum Group : unsigned {
  kCalls = 1,      ///< dials, connects, effective_calls, talk_seconds, talk_minutes, follow_up_worthy,
                   ///< interested_customers
  kFollowUps = 2,  ///< follow_ups, faxes
  kCustomers = 4,  ///< new_customers, new_customers_a … _d
  kDeals = 8,      ///< deals, revenue_fen
  kMoney = 16,     ///< payments_fen, refunds_fen
  kAll = 31,
};

/// One agent-day's figures, in kMetricNames' order.
using Figures = std::array<long long, kMetricNames.size()>;
size_t metric_index(std::string_view name);
/// The figures by metric name, as the quota rules read them.
std::map<std::string, long long> named(const Figures& f);

/// What the policy in force that day says about counting.
struct Counting {
  long long policy_version = 0;
  TalkRounding talk_minutes = TalkRounding::kSumRoundDown;
  /// Call results that put a customer into a worthy status (status_after_call), for follow_up_worthy.
  std::vector<std::string> worthy_results;
};

/// The groups' figures of `day` ([bounds) in the company's zone) recomputed from the records, per agent; only
/// `user_id` when given. Agents without records that day are absent.
std::map<long long, Figures> recompute(soci::session& sql, const calendar::LocalDate& day,
                                       const calendar::Bounds& bounds, std::optional<long long> user_id,
                                       unsigned groups, const Counting& counting);

/// One call added to its agent's kept row of `day` — dials, connects, effective calls, talk seconds and minutes
/// (rounded as `counting` says), when `worthy` one more customer worth following, when `interested` one more
/// interested customer — provided the row exists
/// and was counted by `counting`'s policy version. Returns false (nothing written) otherwise.
struct CallDelta {
  bool answered = false, effective = false, worthy = false, interested = false;
  long long talk_seconds = 0;
};
bool add_call(soci::session& sql, long long user_id, const calendar::LocalDate& day, const CallDelta& d,
              const Counting& counting);
/// Whether the agent has another call (not `call_id`) to the customer within `bounds` whose result is one of
/// `results`: the customer is already counted as worth following that day.
bool other_call_with_result(soci::session& sql, long long user_id, long long customer_id, long long call_id,
                            const calendar::Bounds& bounds, const std::vector<std::string>& results);

/// Writes the groups' columns of one row (inserting it when new).
void put(soci::session& sql, long long user_id, const calendar::LocalDate& day, const Figures& f, unsigned groups,
         long long policy_version);

struct StoredRow {
  long long user_id = 0;
  calendar::LocalDate day;
  long long policy_version = 0;
  Figures figures{};
};
/// The kept rows of a period, optionally of some users only (empty: all).
std::vector<StoredRow> stored(soci::session& sql, const calendar::Period& period, const std::vector<long long>& users);
void delete_period(soci::session& sql, const calendar::Period& period);

/// An agent's figures summed over a period, with who they are.
struct AgentTotal {
  long long user_id = 0, team_id = 0;
  std::string display_name, username;
  Figures figures{};
};
/// Sums per agent over the period, for the agents whose rows `scope` lets the reader see (optionally one agent).
std::vector<AgentTotal> totals(soci::session& sql, const calendar::Period& period, const org::ScopeFilter& scope,
                               std::optional<long long> agent_id);

/// A team's figures on one day: the sums over the agents whose rows `scope` lets the reader see, by the team each
/// agent is in now.
struct DayTeamTotal {
  calendar::LocalDate day;
  long long team_id = 0;
  Figures figures{};
};
std::vector<DayTeamTotal> day_team_totals(soci::session& sql, const calendar::Period& period,
                                          const org::ScopeFilter& scope);

}  // namespace waihu::kpi::store
