#pragma once
// Logging and reading follow-ups. Logging one sets the customer's last contact and next follow-up date in the
// same transaction, and answers whether the record counts (and what is missing if not).
#include <optional>
#include <string>

#include "calendar/company_time.hpp"
#include "calls/follow_up.hpp"
#include "core/page.hpp"
#include "crm/service.hpp"
#include "db/database.hpp"
#include "kpi/keeper.hpp"
#include "org/model.hpp"

namespace waihu::calls {

struct NewFollowUp {
  long long customer_id = 0;
  std::optional<long long> at;  ///< absent: now
  Channel channel = Channel::kPhone;
  std::string content;
  std::string outcome;
  std::string next_step;
  std::string next_follow_up_on;  ///< "YYYY-MM-DD", today or later, or ""
  /// When the customer asked to be called back: later than now, within a year; the next follow-up date becomes
  /// its day when none is given.
  std::optional<long long> callback_at;
};

class FollowUpService {
 public:
  /// Keeps the agent-day figures current in the same transactions (the composition root wires it).
  void keep_days(const kpi::DayKeeper& days) { days_ = &days; }
  FollowUpService(db::Database& db, const calendar::CompanyTime& time, crm::CustomerService& customers)
      : db_(db), time_(time), customers_(customers) {}
  /// Throws NotFound (customer outside scope), Forbidden (read-only customer), BadRequest (field named).
  FollowUp log(const org::Actor& actor, const NewFollowUp& in);
  /// Checks a follow-up of `customer` (unmasked, one the actor may write to) and builds it, writing nothing;
  /// throws BadRequest naming the field. For a call logged with its follow-up in one transaction.
  FollowUp prepare(const org::Actor& actor, const crm::Customer& customer, const NewFollowUp& in, long long now);
  /// Writes a prepared follow-up inside the caller's transaction: the record, the customer's last contact and
  /// next date, the audit row.
  void record(soci::session& sql, const org::Actor& actor, FollowUp& f);
  Page<FollowUp> list(const org::Actor& actor, std::optional<long long> customer_id, std::optional<long long> agent_id,
                      const std::string& cursor, int limit);
  /// Follow-ups by id, unscoped: for a read model whose caller has checked the customer's scope.
  std::vector<FollowUp> follow_ups_by_ids(const std::vector<long long>& ids);

 private:
  db::Database& db_;
  const calendar::CompanyTime& time_;
  crm::CustomerService& customers_;
  const kpi::DayKeeper* days_ = nullptr;
};

}  // namespace waihu::calls
