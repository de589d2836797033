#pragma once
// The figures every report, quota, ranking and pay rule reads (issue 14 §3), defined once. Per agent per company
// day; teams sum their members through the team tree, weeks and months sum days. Money in fen, all integers.
//
//   dials            calls the agent made or took
//   connects         of those, answered
//   effective_calls  answered and effective by the policy's [effective_call] rule
//   talk_seconds     talk time of the day's calls
//   talk_minutes     talk time in minutes, rounded as [kpi] talk_minutes says
//   faxes            fax follow-ups whose customer record holds contact, title, company, phone and fax number,
//                    sent to a customer the agent had called before (seed 003)
//   follow_ups       complete follow-ups (contact, company, phone and content recorded)
//   follow_up_worthy customers the agent's calls put that day into a status [metrics] follow_up_worthy lists
//                    (意向 interested, 可发展 following), each customer once a day
//   interested_customers  customers the agent's calls made 意向 (interested) that day, each once (seed 003's
//                    new-hire target counts these alone)
//   new_customers    customers the agent created that day; new_customers_a … _d by their grade
//   deals            deals closed that day; revenue_fen their amount
//   payments_fen     payments received that day on the agent's deals; refunds_fen refunds accepted that day
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "calls/rules.hpp"
#include "crm/model.hpp"

namespace waihu::kpi {

inline constexpr std::array<std::string_view, 18> kMetricNames{
    "dials",           "connects",        "effective_calls",     "talk_seconds",  "talk_minutes",
    "faxes",           "follow_ups",      "follow_up_worthy",    "new_customers", "new_customers_a",
    "new_customers_b", "new_customers_c", "new_customers_d",     "deals",         "revenue_fen",
    "payments_fen",    "refunds_fen",     "interested_customers"};
bool is_metric(std::string_view name);
/// What people call a metric, for the rule book: {"有效通话", "effective calls"}; the name itself when unknown.
std::pair<std::string, std::string> metric_label(std::string_view name);

/// How talk seconds become minutes (seed 003 counts call-minutes; it does not say how).
enum class TalkRounding {
  kPerCallUp,     ///< per_call_round_up: each call's started minute counts (61 s → 2)
  kSumRoundUp,    ///< sum_round_up: the day's seconds summed, then a started minute counts
  kSumRoundDown,  ///< sum_round_down: the day's seconds summed, whole minutes only
};

/// The [kpi] section of a policy.
struct KpiPolicy {
  TalkRounding talk_minutes = TalkRounding::kSumRoundDown;
  std::vector<crm::CustomerStatus> follow_up_worthy{crm::CustomerStatus::kInterested, crm::CustomerStatus::kFollowing};
  bool worthy(crm::CustomerStatus s) const;
};

/// The call results that put a customer into one of the policy's worthy statuses (calls::status_after_call):
/// follow_up_worthy counts the customers an agent's calls of the day ended in one of them, each once.
std::vector<std::string> worthy_call_results(const KpiPolicy& p);
/// The call results that make a customer 意向 (interested): interested_customers counts those customers.
const std::vector<std::string>& interested_call_results();

/// Minutes of one call rounded up (for per-call rounding, kept per day beside the seconds).
inline long long started_minutes(long long talk_seconds) { return (talk_seconds + 59) / 60; }
/// The day's talk minutes from its summed seconds and its summed per-call minutes.
long long talk_minutes(const KpiPolicy& p, long long talk_seconds, long long per_call_minutes);

/// A fax counts (seed 003) only when the customer's record holds contact, title, company, phone and fax number and
/// the agent called that customer before sending it.
bool fax_counts(const calls::RecordFacts& record, bool called_before);

/// One agent-day's raw facts, as a worked example or a test states them.
struct DayCall {
  calls::Call call;
  std::optional<calls::RecordFacts> record;  ///< the customer's record then; nullopt: a number with no customer
};
struct DayFax {
  calls::RecordFacts record;
  bool called_before = false;
};
struct DayFacts {
  std::vector<DayCall> calls;
  std::vector<DayFax> faxes;
  long long complete_follow_ups = 0;
  std::vector<crm::CustomerStatus> statuses_set;  ///< one per customer whose status the agent set that day
  std::vector<std::string> new_customer_grades;   ///< one per customer created ("" ungraded)
  std::vector<long long> deals_fen, payments_fen, refunds_fen;
};
/// Every metric of the day, by name.
std::map<std::string, long long> agent_day(const DayFacts& day, const calls::EffectiveCallPolicy& effective,
                                           const KpiPolicy& kpi);

}  // namespace waihu::kpi
