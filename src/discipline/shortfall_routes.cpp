#include "discipline/shortfall_routes.hpp"

#include "core/errors.hpp"
#include "http/json_input.hpp"
#include "quota/json.hpp"
#include "util/clock.hpp"
#include "util/strings.hpp"

namespace waihu::discipline {

namespace {
nlohmann::json mark_json(const std::optional<store::ShortfallMark>& m) {
  if (!m) return nullptr;
  return {{"day", m->day},
          {"kind", m->kind},
          {"marked_by", m->marked_by},
          {"marked_at", util::format_iso_utc(m->marked_at)},
          {"note", m->note}};
}
const char* sunday_name(quota::SundayOvertime s) {
  return s == quota::SundayOvertime::kPerWeek ? "per_week" : s == quota::SundayOvertime::kPerDay ? "per_day" : "none";
}
}  // namespace

void register_shortfall_routes(http::Router& router, ShortfallService& shortfalls) {
  router.add("GET", "/api/v1/discipline/stay-late", [&shortfalls](http::Context& c) {
    c.allow_query({"date", "team_id"});
    const ShortfallDay d =
        shortfalls.stay_late(c.actor(), c.query_date("date").value_or(c.time().today()), c.query_int("team_id"));
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : d.rows)
      rows.push_back({{"user_id", r.user_id},
                      {"team_id", r.team_id},
                      {"name", r.name},
                      {"at_check", quota::results_json(r.at_check)},
                      {"after", quota::results_json(r.after)},
                      {"still_short", r.still_short},
                      {"sunday_overtime", r.sunday_overtime},
                      {"done", mark_json(r.done)}});
    nlohmann::json rule = nullptr;
    if (d.rule)
      rule = {{"check_time", util::clock_time(d.rule->check_minute)},
              {"stay_late", d.rule->stay_late_minutes ? "extension" : "until_done"},
              {"extension_minutes", d.rule->stay_late_minutes ? nlohmann::json(*d.rule->stay_late_minutes) : nullptr},
              {"extension_counts", d.rule->extension_counts},
              {"sunday_overtime", sunday_name(d.rule->sunday)}};
    return http::Response::json(
        {{"date", d.day.str()},
         {"rule", rule},
         {"check_at", d.rule ? nlohmann::json(util::format_iso_utc(d.check_at)) : nullptr},
         {"extension_end", d.extension_end ? nlohmann::json(util::format_iso_utc(*d.extension_end)) : nullptr},
         {"checked", d.checked},
         {"extension_over", d.extension_over},
         {"items", rows}});
  });
  router.add("GET", "/api/v1/discipline/sunday-overtime", [&shortfalls](http::Context& c) {
    c.allow_query({"date", "team_id"});
    const SundayWeek w =
        shortfalls.sunday_overtime(c.actor(), c.query_date("date").value_or(c.time().today()), c.query_int("team_id"));
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : w.rows) {
      nlohmann::json days = nlohmann::json::array();
      for (const auto& d : r.days) days.push_back(d.str());
      rows.push_back({{"user_id", r.user_id},
                      {"team_id", r.team_id},
                      {"name", r.name},
                      {"days", days},
                      {"sessions", r.sessions},
                      {"done", mark_json(r.done)}});
    }
    return http::Response::json(
        {{"from", w.week.from.str()}, {"to", w.week.to.str()}, {"sunday", w.sunday.str()}, {"items", rows}});
  });
  router.add("POST", "/api/v1/discipline/shortfall-marks", [&shortfalls](http::Context& c) {
    http::JsonBody b(c.request.body, {"user_id", "kind", "date", "note"});
    const auto user = b.integer("user_id");
    if (!user) throw BadRequest::field("user_id", "必填 / required", "validation.required");
    const auto date = calendar::LocalDate::parse(*b.required_text("date"));
    if (!date) throw BadRequest::field("date", "应为 YYYY-MM-DD / must be YYYY-MM-DD");
    const auto m = shortfalls.mark(c.actor(), *user, *b.required_text("kind"), *date, b.text("note").value_or(""));
    return http::Response::json(mark_json(m), 201);
  });
}

}  // namespace waihu::discipline
