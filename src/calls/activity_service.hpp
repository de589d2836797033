#pragma once
// The calling figures of the agents an actor oversees (or the agent's own), for a period.
#include <optional>

#include "calendar/company_time.hpp"
#include "calls/activity.hpp"
#include "db/database.hpp"
#include "org/model.hpp"
#include "org/service.hpp"
#include "util/sheet_writer.hpp"

namespace waihu::calls {

struct ActivityQuery {
  std::optional<long long> from, to;  ///< [from, to), Unix seconds; absent: today (China time), up to now
  std::optional<long long> agent_id;  ///< one agent
  std::optional<long long> team_id;   ///< that team and the teams below it
};

class ActivityService {
 public:
  ActivityService(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org)
      : db_(db), time_(time), org_(org) {}
  /// One row per agent in the actor's scope who may log calls (an agent: only themselves), plus anyone with
  /// calls in the period (a disabled agent's calls still count); sorted by dials, most first. Totals are over
  /// the rows. BadRequest "to" for a period that ends before it starts or spans more than 366 days.
  Activity activity(const org::Actor& actor, const ActivityQuery& query);
  /// The per-agent table and its totals as a file in the target's language (talk time in minutes, rate in %,
  /// times as Excel dates); audited. Forbidden without the export right.
  void export_sheet(const org::Actor& actor, const Activity& a, const util::SheetTarget& target);

 private:
  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
};

}  // namespace waihu::calls
