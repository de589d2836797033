#pragma once
// The floor's day as people work it: clocking in and out, a person's own day (clock, quota, this month's ledger),
// the supervisor's team day (each person's quotas, clock and entries — live until the day is closed, final after),
// and the ledger of fines and points.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/page.hpp"
#include "discipline/closing.hpp"
#include "discipline/store.hpp"
#include "kpi/service.hpp"
#include "org/service.hpp"

namespace waihu::discipline {

/// A person's quota results and attendance on a day.
struct PersonDay {
  long long user_id = 0, team_id = 0;
  std::string display_name, username, role;
  std::optional<store::AttendanceRow> attendance;
  /// Not closed yet: the judgement as the clock stands (today: a missing clock-out counts only once the workday is
  /// over; nothing before the workday starts).
  std::optional<std::string> attendance_preview;
  std::vector<quota::QuotaResult> quotas;
  bool new_hire = false;
  bool still_short = false;              ///< some target not met
  std::vector<store::EntryRow> entries;  ///< the ledger rows of that day
};

struct FloorDay {
  calendar::LocalDate day;
  bool closed = false, working_day = true;
  long long policy_version = 0;
  int workday_start = 0, workday_end = 0;
  bool has_quotas = false, has_attendance = false;
  std::vector<PersonDay> people;
};

struct LedgerMonth {
  std::vector<store::EntryRow> items;
  std::optional<std::string> next_cursor;
  store::Totals totals;  ///< over every entry of the month (not just this page)
  bool closed = false;   ///< the month is closed: its points and money are final
  /// The points month under the policy in force at its end (none: the policy keeps no points): where it started and
  /// stands (or ended), and the bonus or penalty it brings (final once closed, what it would bring so far before).
  std::optional<MonthEnd> points;
  std::set<long long> may_object;  ///< entries on this page the reader may still object to
};

class DisciplineService {
 public:
  DisciplineService(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org,
                    kpi::MetricsService& metrics, DayCloser& closer, RulesAt rules)
      : db_(db), time_(time), org_(org), metrics_(metrics), closer_(closer), rules_(std::move(rules)) {}
  /// Records the actor's clock-in (the first of the day stays) or clock-out (the last counts); today's row.
  store::AttendanceRow clock(const org::Actor& actor, bool in);
  /// The actor's own day (today unless `day`).
  PersonDay my_day(const org::Actor& actor, std::optional<calendar::LocalDate> day);
  /// Everyone in the reader's scope (or in `team_id` below it) who is judged that day. Needs view_overview.
  FloorDay team_day(const org::Actor& actor, const calendar::LocalDate& day, std::optional<long long> team_id);
  /// Ledger entries of a month: own for everyone; another person's within the reader's scope. Newest first.
  LedgerMonth ledger(const org::Actor& actor, const calendar::Month& month, std::optional<long long> user_id,
                     const std::string& cursor, int limit);

 private:
  std::vector<PersonDay> days_of(const std::vector<org::User>& people, const calendar::LocalDate& day,
                                 const DayRules& rules, bool closed);
  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
  kpi::MetricsService& metrics_;
  DayCloser& closer_;
  RulesAt rules_;
};

}  // namespace waihu::discipline
