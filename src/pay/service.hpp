#pragma once
// Payroll months (issue 16): team targets entered by managers, a month's statements computed from the records under
// the pay plans in force, kept as a draft that can be recomputed, and read by whom may: one's own, a supervisor's
// team, managers and admins their scope. Viewing another person's statement is audited.
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "calendar/company_time.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "org/service.hpp"
#include "pay/inquiry_store.hpp"
#include "pay/model.hpp"
#include "pay/month_run.hpp"
#include "pay/records_store.hpp"
#include "pay/store.hpp"
#include "util/sheet_writer.hpp"

namespace waihu::pay {

/// The pay plans in force on a day.
struct PayRules {
  std::shared_ptr<const void> keep;  ///< keeps the policy alive while `pay` is read
  const PayPolicy* pay = nullptr;    ///< none: the policy computes no pay
  long long version = 0;
  /// One day's base pay is the month's base ÷ this (hundredths: 2175 for 21.75), from the policy's [attendance]
  /// day base for the month (its working days where it says so).
  long long day_divisor_hundredths = 2175;
  /// The company calendar over the month (a policy paying partial months by working days needs it).
  std::shared_ptr<const calendar::WorkCalendar> calendar;
  /// The [resignation] rule on final pay; none without one.
  std::optional<FinalPayRule> final_pay;
};
using PayRulesAt = std::function<PayRules(const calendar::LocalDate&)>;

struct TeamTarget {
  long long team_id = 0;
  std::string team_name;
  std::optional<store::TargetRow> current;  ///< the latest row for the month
  std::vector<store::TargetRow> history;    ///< every row for the month, oldest first
};

struct RunReport {
  calendar::Month month;
  long long statements = 0, gross_fen = 0, net_fen = 0, policy_version = 0;
};

struct StatementView {
  store::StatementRow s;
  std::string name, team_name;
  std::string month_status;                      ///< draft | closed
  std::optional<store::ExceptionRow> exception;  ///< the manager's probation exception for the month (one statement)
  std::vector<store::InquiryRow> inquiries;      ///< questions about it and their answers (one statement)
};

/// A page of the records one statement line stands on, in the order the line names them (deals, payments, ledger
/// rows, 撞单 cases, earlier statements, inquiries).
struct LineRecords {
  long long statement_id = 0;
  long long position = 0;
  std::string code, rule;
  long long total = 0;                     ///< how many records the line names
  std::optional<std::string> next_cursor;  ///< where the next page starts; none on the last
  std::vector<store::DealRecord> deals;
  std::vector<store::PaymentRecord> payments;
  std::vector<store::EntryRecord> entries;
  std::vector<store::ClaimRecord> duplicate_claims;
  std::vector<store::StatementRecord> statements;
  std::vector<store::InquiryRecord> inquiries;
  std::vector<store::LeadRecord> lead_signoffs;
  std::vector<store::RequestRecord> requests;
};

/// The minimum wages by city (with their history) and each team's city.
struct WageSettings {
  struct TeamCity {
    long long team_id = 0;
    std::string team_name, city;  ///< `city` its own ("" when none)
    std::string effective_city;   ///< its own or the nearest ancestor's
  };
  std::vector<store::WageRow> wages;
  std::vector<TeamCity> teams;
};

/// A month under a draft policy beside the month as it stands (its statements when run, else the plans in force).
struct WhatIf {
  struct LineDiff {
    std::string code, rule;
    long long before_fen = 0, after_fen = 0;
  };
  struct Person {
    long long user_id = 0;
    std::string name, team_name, role;
    long long before_gross_fen = 0, after_gross_fen = 0, before_net_fen = 0, after_net_fen = 0;
    std::vector<LineDiff> lines;  ///< each (code, clause) whose amount differs
  };
  calendar::Month month;
  std::string against;  ///< statements (the month as run) | in_force (computed now under the plans in force)
  long long before_version = 0, after_version = 0;
  long long before_net_fen = 0, after_net_fen = 0;
  std::vector<Person> people;  ///< everyone in the reader's scope on either side
};

class PayrollService {
 public:
  PayrollService(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org, PayRulesAt rules)
      : db_(db), time_(time), org_(org), rules_(std::move(rules)) {}

  /// Every team in the reader's scope with its target for the month.
  std::vector<TeamTarget> targets(const org::Actor& actor, const calendar::Month& month);
  /// Sets a team's target for a month (managers and up, the team in scope); the earlier rows stay as history.
  TeamTarget set_target(const org::Actor& actor, long long team_id, const calendar::Month& month, long long amount_fen,
                        const std::string& note);

  /// Computes every statement of the month under the plans in force on its last day, replacing the draft; refused
  /// for a closed month (409), a month not begun (400) or a policy without [pay] (422). A plan that needs a fact
  /// the records lack (a team target) is refused with every such gap named (422). `actor` null: the command line.
  RunReport run(const org::Actor* actor, const calendar::Month& month);
  /// Closes a run month for good (managers and up): its statements never change again; corrections go into a
  /// later month. Refused for a month not over (400), never run (422) or closed already (409). `actor` null: the
  /// command line.
  store::MonthRow close(const org::Actor* actor, const calendar::Month& month);
  std::optional<store::MonthRow> month(const calendar::Month& month);
  /// The month's statements the reader may see (own; scope), lines left out.
  Page<StatementView> statements(const org::Actor& actor, const calendar::Month& month, const std::string& cursor,
                                 int limit);
  /// The month's statements the reader may see, as a sheet: `lines` one row per statement line (every fen with its
  /// clause, arithmetic and records), else one row per statement. Audited as an export. `actor` null: everyone.
  long long export_month(const org::Actor* actor, const calendar::Month& month, bool lines,
                         const nlohmann::json& filter_description, const util::SheetTarget& target);
  /// The reader's own pay for this month so far, "if the month ended today", under the plans in force today:
  /// computed, never stored. None when their role has no plan (or the policy no [pay]); 422 when a fact is missing.
  std::optional<store::StatementRow> month_to_date(const org::Actor& actor);
  /// One statement with its lines; another person's is audited.
  StatementView statement(const org::Actor& actor, long long id);
  /// The records behind line `position` (from 1) of a statement, a page of `limit` from `cursor`: whoever may read
  /// the statement may read them, read back by the ids the line stored. Another's is audited as a view.
  LineRecords line_records(const org::Actor& actor, long long statement_id, long long position,
                           const std::string& cursor, int limit);

  /// What the month would pay under `draft` (a policy not in force), beside what it pays: per person and per line,
  /// touching nothing. Managers and up (or the command line, `actor` null); people outside the reader's scope are
  /// left out. A plan lacking a fact answers 422 as a run does. `draft` is read once the reader may ask.
  WhatIf whatif(const org::Actor* actor, const calendar::Month& month, const std::function<PayRules()>& draft_rules);

  /// Managers and admins read the minimum wages and the teams' cities; admins set them (audited).
  WageSettings wage_settings(const org::Actor& actor);
  WageSettings set_wage(const org::Actor& actor, const std::string& city, long long amount_fen,
                        const calendar::Month& from, const std::string& note);
  WageSettings set_team_city(const org::Actor& actor, long long team_id, const std::string& city);
  /// A manager keeps someone the probation rule would eliminate (seed 001 "特殊情况由经理审批"): the month's outcome
  /// becomes regular at the next run. Refused for a closed month (409) or someone outside scope (404).
  store::ExceptionRow grant_exception(const org::Actor& actor, long long user_id, const calendar::Month& month,
                                      const std::string& reason);

 private:
  /// The statement (lines included) if the reader's scope holds its person, else 404; another's read is audited.
  store::StatementRow readable_statement(const org::Actor& actor, long long id, const nlohmann::json& detail);
  /// The rules of the last of `days` (they settle the month) and the plans in force day by day across them.
  struct PlansOver {
    PayRules settling;
    std::vector<PayRules> kept;  ///< keeps each period's policy alive
    std::vector<PlanPeriod> periods;
  };
  PlansOver plans_over(const calendar::Period& days);
  /// The month's input under `plans` (its days: the periods).
  MonthInput input_of(const calendar::Month& month, const PlansOver& plans, std::vector<org::Team> teams) const;

  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
  PayRulesAt rules_;
};

}  // namespace waihu::pay
