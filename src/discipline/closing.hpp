#pragma once
// Closing a day (日清日结): each person's quota results and attendance judged by the policy in force that day, written
// once — results final, every fine and points change a ledger row naming its rule, version and evidence. Closing a
// closed day changes nothing; the server closes each day by itself once it is over (`waihu close day` by hand).
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "calendar/company_time.hpp"
#include "db/database.hpp"
#include "discipline/attendance_model.hpp"
#include "discipline/claim_model.hpp"
#include "discipline/elimination_model.hpp"
#include "discipline/meeting_model.hpp"
#include "discipline/points_model.hpp"
#include "discipline/report_rules.hpp"
#include "discipline/request_model.hpp"
#include "discipline/request_store.hpp"
#include "org/model.hpp"
#include "quota/model.hpp"

namespace waihu::discipline {

/// What the policy in force on a day asks (the composition root reads it from the policy and the calendar).
struct DayRules {
  long long policy_version = 0;
  std::shared_ptr<const void> keep;  ///< keeps alive the policy the pointers point into
  const quota::QuotaPolicy* quotas = nullptr;
  const AttendancePolicy* attendance = nullptr;
  const PointsPolicy* points = nullptr;
  const LeavePolicy* leave = nullptr;
  const ResignationPolicy* resignation = nullptr;
  const ReportsPolicy* reports = nullptr;
  const FabricationPolicy* fabrication = nullptr;
  const ClaimPolicy* claims = nullptr;
  const EliminationPolicy* elimination = nullptr;
  const MeetingsPolicy* meetings = nullptr;
  calendar::Weekday week_start = calendar::Weekday::kMonday;
  int workday_start = 9 * 60, workday_end = 18 * 60;
  bool working_day = true;
};
using RulesAt = std::function<DayRules(const calendar::LocalDate&)>;

struct CloseReport {
  calendar::LocalDate day;
  bool closed_now = false;  ///< false: it was closed before and nothing changed
  bool working_day = true;
  long long people = 0, entries = 0, fines_fen = 0, points = 0;
};

/// Everyone who could be judged on `day`: not disabled, not left, hired by then (or without a hire date).
std::vector<org::User> judged_people(soci::session& sql, const calendar::LocalDate& day);
/// Whether a role is named in a section's roles list.
bool role_listed(const std::vector<std::string>& roles, org::Role role);

/// Whether a leave request excuses its days under `rules` (approved, asked and approved in time, its certificate
/// there): the closing run, the team's day and the request itself ask the same.
LeaveVerdict leave_verdict(const store::StaffRequest& r, const DayRules& rules, const calendar::CompanyTime& time);

/// The time out on approved visits as the quota rule reads it: at most the workday.
quota::TimeOut time_out(const DayRules& rules, long long visit_minutes);

/// Days an entry may be objected to: the [points] section's window; a policy without points but with report fines
/// has its own ([reports]); none without either.
std::optional<long long> objection_window(const DayRules& rules);

/// A report that falls due: its kind's rule, its period and the instant it is due.
struct DueReport {
  const ReportRule* rule = nullptr;
  ReportPeriod period;
  calendar::LocalDate due_on;
  long long due_at = 0;  ///< Unix seconds
};
/// Whether days are worked, as the rules in force on each say (the calendar's holidays and make-up days included).
IsWorking working_days(const RulesAt& rules);
/// A period's deadline under `rule`, in the company's time.
DueReport report_due(const ReportRule& rule, const ReportPeriod& p, const RulesAt& rules,
                     const calendar::CompanyTime& time);
/// The reports `rules` (in force on `day`) ask to be in by the end of `day`.
std::vector<DueReport> reports_due_on(const DayRules& rules, const calendar::LocalDate& day, const RulesAt& all,
                                      const calendar::CompanyTime& time);

class DayCloser {
 public:
  DayCloser(db::Database& db, const calendar::CompanyTime& time, RulesAt rules)
      : db_(db), time_(time), rules_(std::move(rules)) {}
  /// Closes a day that is over. Forbidden without the close_days right (`actor` null: the server or the command
  /// line); a closed day answers closed_now = false and nothing changes; BadRequest "date" for today or later.
  CloseReport close_day(const org::Actor* actor, const calendar::LocalDate& day);
  /// The server's run: every day that is over since the last closed one, at most 31 back. The first run on a
  /// database only records where evaluation starts (yesterday): days before Waihu ran the floor are not judged.
  std::vector<CloseReport> close_due();
  /// Whether a day is closed.
  bool is_closed(const calendar::LocalDate& day);
  /// A clock time's minutes after the company's midnight.
  int minute_of_day(long long at) const;
  /// The first day the server evaluated (days before it are not judged), if it ever did.
  std::optional<calendar::LocalDate> evaluation_start();

 private:
  db::Database& db_;
  const calendar::CompanyTime& time_;
  RulesAt rules_;
};

}  // namespace waihu::discipline
