#pragma once
// Keeps agent_days current: a service that writes a call, follow-up, customer, deal or payment touches the agent's
// day inside its own transaction, and the touched groups of that day are recomputed from the records (by the
// policy in force that day) and kept. `waihu metrics verify` recomputes a period and names every difference;
// `rebuild` rewrites it (after a policy version changes a definition, for one).
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calendar/company_time.hpp"
#include "kpi/day_store.hpp"

namespace waihu::kpi {

class DayKeeper {
 public:
  /// How the policy in force on a day counts.
  using CountingAt = std::function<store::Counting(const calendar::LocalDate&)>;
  DayKeeper(const calendar::CompanyTime& time, CountingAt counting) : time_(time), counting_(std::move(counting)) {}

  /// The day's figures from the records made before `until` (Unix seconds) — what the day stood at then, as the
  /// policy in force that day counts. Every agent with records, or one.
  std::map<long long, store::Figures> figures_until(soci::session& sql, const calendar::LocalDate& day, long long until,
                                                    std::optional<long long> user_id = std::nullopt) const;
  /// Inside the caller's transaction: `groups` of the agent's company day holding `at` recomputed and kept.
  void touch(soci::session& sql, long long user_id, long long at, unsigned groups) const {
    touch_day(sql, user_id, time_.date_at(at), groups);
  }
  void touch_day(soci::session& sql, long long user_id, const calendar::LocalDate& day, unsigned groups) const;

  /// A call just written (in the caller's transaction), counted into its agent's day by adding it to the kept row:
  /// the cost of keeping a logged call is one update. When the day has no row yet, or was counted by another
  /// policy version, the day's calls are recomputed instead — the same figures either way (`verify` proves it).
  struct NewCall {
    long long call_id = 0, user_id = 0, started_at = 0, talk_seconds = 0;
    bool answered = false, effective = false;
    std::string result;
    std::optional<long long> customer_id;
  };
  void add_call(soci::session& sql, const NewCall& c) const;

  /// Touches collected while many records are written (an import), each agent-day refreshed once at flush().
  class Batch {
   public:
    explicit Batch(const DayKeeper& keeper) : keeper_(keeper) {}
    void add(long long user_id, long long at, unsigned groups) { add_day(user_id, keeper_.time_.date_at(at), groups); }
    void add_day(long long user_id, const calendar::LocalDate& day, unsigned groups) {
      pending_[{user_id, day}] |= groups;
    }
    void flush(soci::session& sql);

   private:
    const DayKeeper& keeper_;
    std::map<std::pair<long long, calendar::LocalDate>, unsigned> pending_;
  };

  struct Difference {
    long long user_id = 0;
    calendar::LocalDate day;
    std::string metric;
    long long kept = 0, recomputed = 0;
  };
  /// Every figure of the period whose kept value differs from the records'.
  std::vector<Difference> verify(soci::session& sql, const calendar::Period& period) const;
  /// Rewrites the period's rows from the records; returns the rows written.
  long long rebuild(soci::session& sql, const calendar::Period& period) const;

 private:
  const calendar::CompanyTime& time_;
  CountingAt counting_;
};

}  // namespace waihu::kpi
