#include "calendar/routes.hpp"

#include "core/errors.hpp"
#include "http/json_input.hpp"

namespace waihu::calendar {

namespace {
nlohmann::json to_json(const store::MarkedDay& d) {
  return {{"date", d.day.str()}, {"kind", d.kind == DayKind::kMakeup ? "makeup" : "holiday"}, {"name", d.name}};
}

LocalDate date_param(const http::Context& c) {
  auto d = LocalDate::parse(c.param("date"));
  if (!d) throw BadRequest::field("date", "应为 YYYY-MM-DD / must be YYYY-MM-DD");
  return *d;
}
}  // namespace

void register_routes(http::Router& router, CalendarService& calendar) {
  router.add("GET", "/api/v1/calendar", [&calendar](http::Context& c) {
    c.allow_query({"year"});
    auto year = c.query_int("year");
    if (!year) throw BadRequest::field("year", "必填，如 2026 / required, e.g. 2026", "validation.required");
    if (*year < 2000 || *year > 2100) throw BadRequest::field("year", "应在 2000–2100 之间 / between 2000 and 2100");
    const int y = static_cast<int>(*year);
    WorkCalendar cal = calendar.work_calendar({LocalDate{y, 1, 1}, LocalDate{y, 12, 31}});
    nlohmann::json days = nlohmann::json::array();
    for (const auto& d : calendar.marked(y)) days.push_back(to_json(d));
    nlohmann::json months = nlohmann::json::array();
    for (int m = 1; m <= 12; ++m) {
      Month month{y, m};
      auto first = cal.first_working_day(month);
      months.push_back({{"month", month.str()},
                        {"working_days", cal.working_days(month.period())},
                        {"first_working_day", first ? nlohmann::json(first->str()) : nlohmann::json(nullptr)}});
    }
    nlohmann::json pattern = nlohmann::json::array();
    for (bool working : calendar.week_pattern(LocalDate{y, 1, 1})) pattern.push_back(working);
    return http::Response::json({{"year", y}, {"week_pattern", pattern}, {"days", days}, {"months", months}});
  });
  router.add("PUT", "/api/v1/calendar/days/{date}", [&calendar](http::Context& c) {
    http::JsonBody b(c.request.body, {"kind", "name"});
    auto kind_text = b.required_text("kind");
    DayKind kind = *kind_text == "makeup" ? DayKind::kMakeup
                   : *kind_text == "holiday"
                       ? DayKind::kHoliday
                       : throw BadRequest::field("kind", "应为 holiday 或 makeup / must be holiday or makeup");
    return http::Response::json(to_json(calendar.mark(c.actor(), date_param(c), kind, b.text("name").value_or(""))));
  });
  router.add("DELETE", "/api/v1/calendar/days/{date}", [&calendar](http::Context& c) {
    calendar.unmark(c.actor(), date_param(c));
    return http::Response::json({{"ok", true}});
  });
}

}  // namespace waihu::calendar
