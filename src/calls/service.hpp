#pragma once
// Logging and reading calls. Logging a call moves the customer's last contact, last result and status in the
// same transaction. Scopes as for customers: an agent logs and sees own calls, and only for own or pool
// customers.
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>

#include "calendar/company_time.hpp"
#include "calls/follow_up_service.hpp"
#include "calls/model.hpp"
#include "calls/rules.hpp"
#include "core/page.hpp"
#include "crm/phone.hpp"
#include "crm/service.hpp"
#include "db/database.hpp"
#include "kpi/keeper.hpp"
#include "org/model.hpp"
#include "org/service.hpp"
#include "util/sheet_writer.hpp"

namespace waihu::calls {

struct NewCall {
  std::optional<long long> agent_id;  ///< absent: the actor
  std::optional<long long> customer_id;
  std::optional<std::string> number;  ///< any common form; absent: the customer's first phone
  Direction direction = Direction::kOutbound;
  CallResult result = CallResult::kNoAnswer;
  CallTimes times;
  std::string notes;
  std::string recording;
  /// Why the talk time is typed rather than measured (talk_seconds_typed): required then, and audited.
  std::string talk_seconds_reason;
  std::optional<std::string> external_id;
  /// The follow-up written with the call (its customer is the call's): saved with it or not at all.
  std::optional<NewFollowUp> follow_up;
};

struct LoggedCall {
  Call call;
  std::optional<FollowUp> follow_up;
};

class CallService {
 public:
  /// Keeps the agent-day figures current in the same transactions (the composition root wires it).
  void keep_days(const kpi::DayKeeper& days) { days_ = &days; }
  /// Logs calls without keeping the figures: only for the benchmark that measures what keeping them costs
  /// (bench/metrics_bench); the figures of calls logged so are wrong until `waihu metrics rebuild`.
  void stop_keeping_days() { days_ = nullptr; }
  CallService(db::Database& db, const calendar::CompanyTime& time, const crm::PhoneNormalizer& phones,
              crm::CustomerService& customers, org::OrgService& org, FollowUpService& follow_ups,
              EffectiveRuleAt rule_at = {})
      : db_(db),
        time_(time),
        phones_(phones),
        customers_(customers),
        org_(org),
        follow_ups_(follow_ups),
        rule_at_(std::move(rule_at)) {}

  /// Logs a call, and its follow-up when `in.follow_up` is set, in one transaction. Throws BadRequest (field
  /// named; "follow_up.<field>" for the follow-up's), NotFound (customer or agent outside scope), Forbidden (the
  /// number belongs to a customer the actor may not see, an unclaimed pool customer — call.pool_unclaimed — or an
  /// agent logging for someone else), Conflict (external_id taken).
  LoggedCall log(const org::Actor& actor, const NewCall& in);
  Call get(const org::Actor& actor, long long id);
  Page<Call> list(const org::Actor& actor, const CallFilter& filter, const std::string& cursor, int limit);
  /// Calls by id, unmasked and unscoped: for a read model whose caller has checked the customer's scope (a
  /// customer's timeline). Ids not found are left out.
  std::vector<Call> calls_by_ids(const std::vector<long long>& ids);
  /// Writes the filtered calls the actor may see to a CSV or .xlsx file in the target's language (numbers masked per
  /// role, people by name and username, times in China time as Excel dates); audited with the filter and row count.
  /// Returns the rows written. Forbidden without the export right.
  long long export_calls(const org::Actor& actor, const CallFilter& filter, const nlohmann::json& filter_description,
                         const util::SheetTarget& target);

 private:
  /// Masks the numbers the actor may not see, by the customers' rule.
  void present(const org::Actor& actor, std::span<Call> calls);
  /// Fills the agents' and customers' names.
  void name_people(std::span<Call> calls);
  db::Database& db_;
  const calendar::CompanyTime& time_;
  const crm::PhoneNormalizer& phones_;
  crm::CustomerService& customers_;
  org::OrgService& org_;
  FollowUpService& follow_ups_;
  EffectiveRuleAt rule_at_;
  const kpi::DayKeeper* days_ = nullptr;
};

}  // namespace waihu::calls
