#pragma once
// The agent's desk: today's figures beside yesterday's, read from the metric layer (agent_days) like every report
// (the day's targets join them with the quotas),
// and how many follow-ups and callbacks wait. The lists themselves are the customers list with the desk's
// filters (due_by, callback_before, open, sort), so they page like every other list.
#include <functional>
#include <optional>
#include <string>

#include "calendar/company_time.hpp"
#include "calls/activity.hpp"
#include "crm/service.hpp"
#include "kpi/service.hpp"
#include "org/model.hpp"
#include "quota/model.hpp"
#include "reporting/daily_sheets.hpp"

namespace waihu::reporting {

struct Desk {
  std::string date;                        ///< today in the company's time, "YYYY-MM-DD"
  std::string yesterday;                   ///< the day before
  long long day_start = 0, day_end = 0;    ///< today's bounds, Unix seconds
  calls::CallFigures today, previous_day;  ///< counts from the metric layer; first and last call from the calls
  kpi::store::Figures metrics_today{};     ///< every metric of today
  /// Today's quota results from today's figures (target, actual, short, fine so far); nullopt when the policy
  /// in force sets no quotas.
  std::optional<std::vector<quota::QuotaResult>> targets;
  long long due = 0;        ///< own open customers whose next follow-up is today or earlier
  long long overdue = 0;    ///< of those, the ones before today
  long long callbacks = 0;  ///< own open customers with a callback due before the day ends
};

class DeskService {
 public:
  /// A person's quota results on a day from its figures (the composition root knows the policy and the person).
  using QuotaDay = std::function<std::optional<std::vector<quota::QuotaResult>>(
      long long user_id, const calendar::LocalDate& day, const kpi::store::Figures& figures)>;
  DeskService(const calendar::CompanyTime& time, DailySheetService& sheets, crm::CustomerService& customers,
              QuotaDay quota_day)
      : time_(time), sheets_(sheets), customers_(customers), quota_day_(std::move(quota_day)) {}
  /// The actor's own desk.
  Desk desk(const org::Actor& actor);

 private:
  const calendar::CompanyTime& time_;
  DailySheetService& sheets_;
  crm::CustomerService& customers_;
  QuotaDay quota_day_;
};

}  // namespace waihu::reporting
