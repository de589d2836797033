#pragma once
// The manager's overview of their department: today and this month — dials, connects, effective calls, deals,
// revenue, payments — by team, and the month's days for a trend. Counted by the database over the actor's scope.
// (The analytics issue deepens it; the metric layer of the policy issue will own these definitions.)
#include <map>
#include <string>
#include <vector>

#include "calendar/company_time.hpp"
#include "calls/activity.hpp"
#include "db/database.hpp"
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
  OverviewService(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org)
      : db_(db), time_(time), org_(org) {}
  /// Forbidden without the view_overview right.
  Overview overview(const org::Actor& actor);

 private:
  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
};

/// Adds one day's (or team's) figures to a total.
void add_figures(Figures& total, const Figures& part);

}  // namespace waihu::reporting
