#pragma once
// The company's work calendar: the week pattern (the policy's working_days) and the days an admin marks — public
// holidays and 调休 make-up working days — each change audited. Everyone reads it; working days, deadlines and quotas
// are counted on it.
#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "calendar/store.hpp"
#include "calendar/work_calendar.hpp"
#include "db/database.hpp"
#include "org/model.hpp"
#include "util/clock.hpp"

namespace waihu::calendar {

struct CalendarImportReport {
  long long read = 0, marked = 0;
  std::vector<std::pair<long long, std::string>> errors;  ///< line number, reason
};

class CalendarService {
 public:
  /// The working days of the week (Monday first) in force on a date: the policy's.
  using WeekPatternAt = std::function<std::array<bool, 7>(const LocalDate&)>;
  CalendarService(db::Database& db, const util::Clock& clock, WeekPatternAt pattern = {})
      : db_(db), clock_(clock), pattern_(std::move(pattern)) {}
  /// The calendar over a period: the week pattern with the marked days in it.
  WorkCalendar work_calendar(const Period& p);
  /// The marked days of a year, in date order.
  std::vector<store::MarkedDay> marked(int year);
  /// Marks a day a holiday or a make-up working day (admins; the command line acts as org::system_actor()). BadRequest
  /// "kind" for a make-up day that is a working day already, "name" over 50 characters; audited.
  store::MarkedDay mark(const org::Actor& actor, const LocalDate& day, DayKind kind, const std::string& name);
  /// Back to the week pattern; NotFound when the day is not marked; audited.
  void unmark(const org::Actor& actor, const LocalDate& day);
  /// Lines "YYYY-MM-DD,kind,name" (kind: holiday/节假日/放假 or makeup/调休/上班; a header line may lead), all
  /// or nothing: any bad line and nothing is marked, the report naming each line. Audited once.
  CalendarImportReport import(const org::Actor& actor, const std::string& text);

  /// The week pattern in force on `day` (Monday first); Monday to Friday without a policy.
  std::array<bool, 7> week_pattern(const LocalDate& day) const;

 private:
  void require_admin(const org::Actor& actor);
  db::Database& db_;
  const util::Clock& clock_;
  WeekPatternAt pattern_;
};

}  // namespace waihu::calendar
