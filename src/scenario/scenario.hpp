#pragma once
// A scenario: a policy, people and dated events, as `waihu scenario run FILE.toml` reads it (docs/scenario.md).
// Pure: reading checks the file's shape and names every problem FILE:LINE:COLUMN; what the records mean (a phone,
// a customer's scope, a call's times) is checked by the services when the runner replays them, and named by line.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "calendar/calendar.hpp"
#include "policy/document.hpp"

namespace waihu::scenario {

/// A policy version the scenario runs: its TOML text (a preset or a file, overrides laid over) and the day it takes
/// effect (the period's first day for the scenario's own policy).
struct PolicySpec {
  std::string source;  ///< "preset-a" or the file's path as written
  std::string text;
  calendar::LocalDate from;
  policy::Where where;
};

struct TeamSpec {
  std::string name, parent;  ///< parent "": under the company
  policy::Where where;
};

struct PersonSpec {
  std::string username, display_name, role, team, hired, status;
  long long prior_months = 0;
  policy::Where where;
};

struct CustomerSpec {
  std::string key, company, contact_name, title, fax, it_status, grade, owner;
  std::vector<std::string> phones;
  std::optional<long long> headcount;
  std::optional<long long> created_at;  ///< absent: on the company's books before the period (no one's new customer)
  std::string created_by;               ///< default: the owner
  policy::Where where;
};

enum class EventKind {
  kCustomer,
  kCall,
  kFollowUp,
  kDeal,
  kPayment,
  kClockIn,
  kClockOut,
  kPoints,
  kLeave,
  kLeaveApproval,
  kReport,
  kVisit,
  kClaim,          ///< a customer entered again by another agent: a 撞单 case opens
  kClaimEscalate,  ///< the case goes up a stage
  kClaimYield,     ///< a party gives the customer up
  kClaimDecide,    ///< the manager or the company names the keeper
  kMeeting,        ///< a supervisor holds a meeting of the policy's kinds for a team
  kRollCall,       ///< its attendance marked and closed
  kLeaving         ///< someone leaves (resigned or dismissed) on a day: the administrator marks them left
};

/// One dated record to replay, in time order (ties in file order).
struct Event {
  EventKind kind = EventKind::kCall;
  long long at = 0;  ///< Unix seconds (a deal or payment: noon of its day in the company's zone, set by the runner)
  std::optional<calendar::LocalDate> on;  ///< deals, payments and points entries: their day
  policy::Where where;
  std::string user, customer, number, result, channel, content, outcome, key, deal, sourcing, field_rep, product,
      payment_kind, reason, by, item, period;
  long long talk_seconds = 0, ring_seconds = 0, amount_fen = 0;
  size_t customer_index = 0;                                ///< kCustomer: which CustomerSpec
  bool serious = false;                                     ///< kPoints: an if_serious item entered as serious
  std::optional<calendar::LocalDate> leave_from, leave_to;  ///< kLeave, kLeaveApproval: the days asked for
  bool certificate = false;                                 ///< kLeave: a certificate attached when it is asked
  long long visit_minutes = 0;                              ///< kVisit: the time out
  std::string keeper;                                       ///< kClaimDecide: who keeps the customer
  std::vector<std::string> malicious;                       ///< kClaimDecide: agents found poaching
  std::string team;                                         ///< kMeeting: the team invited
  std::vector<std::pair<std::string, std::string>> marks;   ///< kRollCall: (person, status) besides "present"
};

/// A team's sales target for a month, as a manager enters it on the payroll screen.
struct TargetSpec {
  std::string team;
  calendar::Month month;
  long long amount_fen = 0;
  policy::Where where;
};

/// A manager keeps someone the probation rule would eliminate in a month (seed 001 "特殊情况由经理审批").
struct ExceptionSpec {
  std::string user, by, reason;  ///< by "": the administrator
  calendar::Month month;
  policy::Where where;
};

/// A day the calendar marks: a public holiday off, or a make-up working day (调休).
struct HolidaySpec {
  calendar::LocalDate day;
  bool makeup = false;
  std::string name;
  policy::Where where;
};

struct Scenario {
  std::string file;
  std::string company = "总部";
  calendar::Period period;
  std::vector<PolicySpec> policies;  ///< the scenario's policy first, then its changes by date
  std::vector<TeamSpec> teams;
  std::vector<PersonSpec> people;
  std::vector<CustomerSpec> customers;
  std::vector<HolidaySpec> holidays;
  std::vector<Event> events;        ///< every dated record; the runner sorts them once it knows the company's zone
  std::vector<TargetSpec> targets;  ///< entered before each month's payroll runs
  std::vector<ExceptionSpec> exceptions;  ///< granted before each month's payroll runs
};

struct ReadResult {
  std::optional<Scenario> scenario;  ///< set only when there are no problems
  std::vector<policy::Problem> problems;
};

/// Reads a scenario; `file` names it in problems and anchors relative policy paths.
ReadResult read_scenario(std::string_view text, const std::string& file);

}  // namespace waihu::scenario
