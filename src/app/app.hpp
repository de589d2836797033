#pragma once
// The composition root: config → store → services → router. No globals; everything is passed by reference.
#include <memory>
#include <string>

#include "app/idempotency_keys.hpp"
#include "app/policy_in_force.hpp"
#include "audit/service.hpp"
#include "calendar/company_time.hpp"
#include "calendar/service.hpp"
#include "calls/cdr_importer.hpp"
#include "calls/follow_up_service.hpp"
#include "calls/service.hpp"
#include "crm/exporter.hpp"
#include "crm/importer.hpp"
#include "crm/lead_signoff_service.hpp"
#include "crm/phone.hpp"
#include "crm/service.hpp"
#include "db/database.hpp"
#include "discipline/claim_service.hpp"
#include "discipline/closing.hpp"
#include "discipline/elimination_service.hpp"
#include "discipline/fabrication_service.hpp"
#include "discipline/meeting_service.hpp"
#include "discipline/month_closing.hpp"
#include "discipline/points_service.hpp"
#include "discipline/report_service.hpp"
#include "discipline/request_service.hpp"
#include "discipline/review_service.hpp"
#include "discipline/service.hpp"
#include "discipline/shortfall_service.hpp"
#include "http/router.hpp"
#include "http/web_app.hpp"
#include "kpi/keeper.hpp"
#include "kpi/service.hpp"
#include "org/service.hpp"
#include "pay/inquiry_service.hpp"
#include "pay/service.hpp"
#include "policy/service.hpp"
#include "reporting/desk.hpp"
#include "reporting/overview.hpp"
#include "reporting/timeline.hpp"
#include "sales/deal_importer.hpp"
#include "sales/service.hpp"
#include "util/clock.hpp"

namespace waihu::app {

struct Config {
  std::string data_dir = "./waihu-data";
  std::string db_url;            ///< empty: sqlite:DATA_DIR/waihu.db
  size_t pool_size = 4;          ///< database connections
  int statement_timeout_ms = 0;  ///< PostgreSQL: cancel statements running longer (0: no limit)
  std::string web_dir;           ///< the web app's build; empty: found by http::find_web_root
};

/// Everything a command needs, built once. Opening does not migrate: `init`/`serve` decide that.
class App {
 public:
  explicit App(const Config& config);
  const Config config;
  /// The system's time unless a test server sets it (serve --test-clock).
  util::AdjustableClock clock;
  /// The clock read in the company's time zone: every "today" and day boundary.
  calendar::CompanyTime time{clock};
  db::Database db;
  /// The published policy versions, and the one the rules read on each day.
  policy::PolicyService policies;
  PoliciesInForce in_force;
  /// The per-agent-day figures, kept by every service that writes what they count.
  kpi::DayKeeper days;
  crm::PhoneNormalizer phones;
  audit::AuditService audit;
  org::OrgService org;
  org::AuthService auth;
  crm::CustomerService customers;
  crm::CustomerImporter importer;
  crm::CustomerExporter exporter;
  calls::FollowUpService follow_ups;
  calls::CallService calls;
  calls::CdrImporter cdr_importer;
  sales::DealService deals;
  sales::DealImporter deal_importer;
  reporting::TimelineService timeline;
  /// Seed 004's daily sheets (the calls page, the desk's own row, their exports).
  reporting::DailySheetService sheets;
  reporting::DeskService desk;
  calendar::CalendarService work_calendar;
  reporting::OverviewService overview;
  kpi::MetricsService metrics;
  /// Closing days: quota results and attendance judged once, fines and points as ledger rows.
  discipline::DayCloser closer;
  discipline::DisciplineService discipline;
  /// Closing months: each person's points judged at month end, the bonus or penalty written once.
  discipline::MonthCloser months;
  /// The points catalogue entered by hand, objections and dismissal cases.
  discipline::PointsService points;
  /// Leave, overtime and resignation requests and their approvals.
  discipline::RequestService requests;
  discipline::ReportService reports;
  discipline::FabricationService fabrications;
  discipline::ClaimService claims;
  discipline::EliminationService eliminations;
  discipline::ShortfallService shortfalls;
  discipline::MeetingService meetings;
  discipline::ReviewService reviews;
  pay::PayrollService payroll;
  pay::PayInquiries pay_inquiries;
  crm::LeadSignOffs lead_signoffs;
  IdempotencyKeys idempotency;
  http::WebApp web;

  /// A database without any policy version gets the built-in preset A, published, so the rule book shows what the
  /// rules run by (`waihu init`, and a database brought up from before policies). Returns true when it did.
  bool ensure_policy();
  /// Recounts the kept figures from `from` to today, at most a year back (older figures stay as they were counted;
  /// `waihu metrics rebuild` redoes them on purpose): after a version is published, or a metric is added.
  void recount_since(const calendar::LocalDate& from);
  /// The schema version whose migration added the newest metric: an older database is recounted once.
  static constexpr int kNewestMetricSchema = 12;
  /// A person's daily quota results on a day from that day's figures, by the policy in force then (new-hire
  /// targets by their hire date and prior experience; someone without a hire date counts as a veteran). nullopt
  /// when the policy sets no quotas.
  std::optional<std::vector<quota::QuotaResult>> quota_day(long long user_id, const calendar::LocalDate& day,
                                                           const kpi::store::Figures& figures);
  /// What the policy in force on a day and the work calendar ask of that day, for the discipline module.
  discipline::DayRules day_rules(const calendar::LocalDate& day);
  /// The pay plans in force on a month's last day, with the policy's day base for absences.
  pay::PayRules pay_rules(const calendar::LocalDate& last_day);
  /// The pay plans of a policy not in force — a stored version the reader may see (`policy_id`) or a file's text —
  /// for a what-if of `month`. A policy with problems is refused as a draft upload is (400 policy.invalid).
  pay::PayRules draft_pay_rules(const org::Actor& actor, std::optional<long long> policy_id,
                                const std::optional<std::string>& text, const calendar::Month& month);
  /// A policy version's pay plans for a month ending on `last_day`, with its day base for absences.
  pay::PayRules pay_rules_of(const PolicyVersion& v, const calendar::LocalDate& last_day);
  /// The effective-call rule in force at an instant, for the calls module.
  calls::EffectiveRuleAt effective_rule();
  /// Every route of every module, with authentication wired to the auth service.
  void register_routes(http::Router& router);
};

/// Fills a fresh database with a believable telesales company below the top team `root_team_id`: a department of
/// three groups, ~35 people, 5,000 customers. Demo users all get `password`. Returns a summary line.
std::string seed_demo(App& app, long long root_team_id, const std::string& password);
/// Sixty days of calls, follow-ups, deals and payments for the demo floor seed_demo made. Returns a summary.
std::string seed_demo_activity(App& app, const std::vector<long long>& agent_ids,
                               const std::vector<long long>& field_rep_ids);

}  // namespace waihu::app
