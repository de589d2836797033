#pragma once
// The manager's overview of their department: today and this month — dials, connects, effective calls, deals,
// revenue, payments — by team, and the month's days for a trend. Read from the metric layer (kpi), so every figure
// means what docs/policy.md defines and equals the desk's and the metrics endpoint's.
#include <map>
#include <string>
#include <vector>

#include "calendar/company_time.hpp"
#include "calls/activity.hpp"
#include "kpi/service.hpp"
#include "org/model.hpp"
#include "org/service.hpp"

namespace waihu::reporting {

struct Figures {
  calls::CallFigures calls;
  long long deals = 0;
  long long revenue_fen = 0;   ///< deals' amounts, by the day they closed
  long long payments_fen = 0;  ///< money in less refunds, by the day it moved
};

struct TeamFigures {
  long long team_id = 0;
  std::string team_name;
  Figures today, month;
};

struct Overview {
  std::string date;   ///< today, "YYYY-MM-DD" in the company's time
  std::string month;  ///< "YYYY-MM"
  Figures today, month_to_date;
  std::vector<TeamFigures> teams;       ///< teams with any figure this month, by revenue then dials
  std::map<std::string, Figures> days;  ///< every day of the month up to today ("YYYY-MM-DD")
};

class OverviewService {
 public:
  OverviewService(kpi::MetricsService& metrics, const calendar::CompanyTime& time, org::OrgService& org)
      : metrics_(metrics), time_(time), org_(org) {}
  /// Forbidden without the view_overview right.
  Overview overview(const org::Actor& actor);

 private:
  kpi::MetricsService& metrics_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
};

/// Adds one day's (or team's) figures to a total.
void add_figures(Figures& total, const Figures& part);

}  // namespace waihu::reporting
