#pragma once
// The agent's desk: today's calling figures beside yesterday's (and, with the policy issue, the day's targets),
// and how many follow-ups and callbacks wait. The lists themselves are the customers list with the desk's
// filters (due_by, callback_before, open, sort), so they page like every other list.
#include <optional>
#include <string>

#include "calendar/company_time.hpp"
#include "calls/activity.hpp"
#include "calls/activity_service.hpp"
#include "crm/service.hpp"
#include "org/model.hpp"

namespace waihu::reporting {

struct Desk {
  std::string date;                      ///< today in the company's time, "YYYY-MM-DD"
  std::string yesterday;                 ///< the day before
  long long day_start = 0, day_end = 0;  ///< today's bounds, Unix seconds
  calls::CallFigures today, previous_day;
  long long due = 0;        ///< own open customers whose next follow-up is today or earlier
  long long overdue = 0;    ///< of those, the ones before today
  long long callbacks = 0;  ///< own open customers with a callback due before the day ends
};

class DeskService {
 public:
  DeskService(const calendar::CompanyTime& time, calls::ActivityService& activity, crm::CustomerService& customers)
      : time_(time), activity_(activity), customers_(customers) {}
  /// The actor's own desk.
  Desk desk(const org::Actor& actor);

 private:
  const calendar::CompanyTime& time_;
  calls::ActivityService& activity_;
  crm::CustomerService& customers_;
};

}  // namespace waihu::reporting
