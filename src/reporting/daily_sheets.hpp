#pragma once
// Seed 004's two daily sheets, filled in by the system instead of by hand:
//  - 电话销售日报表 (the sales sheet): per agent, the day's figures from the metric layer — dials, connects,
//    effective calls, talk minutes, faxes, follow-ups, customers worth following, new customers by grade, deals and
//    money — with the first and last call; everyone in the reader's scope who logs calls has a row, idle or not
//    (the supervisor looks for them), and the total is the team's.
//  - 客户记录日报表 (the customer sheet): per agent, each customer called that day with what the record holds
//    (company, contact, department/title, phone, headcount, IT status — the fields of seed 004's effective call),
//    the calls, whether one counted as effective, and whether the agent found the customer that day.
// Both within the reader's data scope, phones masked as everywhere else; both export to CSV and xlsx (audited).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "calendar/company_time.hpp"
#include "core/page.hpp"
#include "crm/service.hpp"
#include "db/database.hpp"
#include "kpi/service.hpp"
#include "org/service.hpp"
#include "util/sheet_writer.hpp"

namespace waihu::reporting {

struct SheetQuery {
  calendar::LocalDate day;
  std::optional<long long> team_id;   ///< that team and the teams below it
  std::optional<long long> agent_id;  ///< one agent
};

struct SalesSheetRow {
  long long agent_id = 0;
  std::string agent_name, username;
  long long team_id = 0;
  std::string team_name;
  kpi::store::Figures figures{};
  std::optional<long long> first_call_at, last_call_at;  ///< Unix seconds
};

struct SalesSheet {
  calendar::LocalDate day;
  long long policy_version = 0;
  std::vector<SalesSheetRow> rows;  ///< most dials first
  kpi::store::Figures total{};
  std::optional<long long> first_call_at, last_call_at;
};

struct CustomerSheetRow {
  long long agent_id = 0;
  std::string agent_name;
  long long customer_id = 0;
  std::string company, contact_name, title, phone, it_status, grade, last_result;
  std::optional<long long> headcount;
  long long calls = 0, connects = 0, effective = 0, talk_seconds = 0;
  long long first_call_at = 0, last_call_at = 0;
  bool found_today = false;  ///< the agent created the customer that day (a company developed)
};

class DailySheetService {
 public:
  using VersionAt = std::function<long long(const calendar::LocalDate&)>;
  DailySheetService(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org,
                    kpi::MetricsService& metrics, crm::CustomerService& customers, VersionAt version_at)
      : db_(db), time_(time), org_(org), metrics_(metrics), customers_(customers), version_at_(std::move(version_at)) {}

  /// NotFound for a team or agent outside the reader's scope.
  SalesSheet sales(const org::Actor& actor, const SheetQuery& q);
  Page<CustomerSheetRow> customers(const org::Actor& actor, const SheetQuery& q, const std::string& cursor, int limit);

  /// The sheets as files in the target's language, money in yuan and talk in minutes as numbers, times as Excel
  /// times; audited. Forbidden without the export right. Return the rows written.
  long long export_sales(const org::Actor& actor, const SheetQuery& q, const util::SheetTarget& target);
  long long export_customers(const org::Actor& actor, const SheetQuery& q, const util::SheetTarget& target);

 private:
  struct Selection;
  Selection select(const org::Actor& actor, const SheetQuery& q);
  void audit_export(const org::Actor& actor, const char* entity, const SheetQuery& q, long long rows,
                    const util::SheetTarget& target);
  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
  kpi::MetricsService& metrics_;
  crm::CustomerService& customers_;
  VersionAt version_at_;
};

}  // namespace waihu::reporting
