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
nlohmann::json count_json(const TeamCount& c) {
  nlohmann::json approval = nullptr;
  if (c.approval)
    approval = {{"short_count", c.approval->short_count},
                {"approved_by", c.approval->approved_by},
                {"approved_by_name", c.approved_by_name},
                {"approved_at", util::format_iso_utc(c.approval->approved_at)},
                {"note", c.approval->note}};
  return {{"team_id", c.team_id}, {"team_name", c.team_name}, {"short_count", c.short_count}, {"approval", approval}};
}
const char* approval_name(quota::CountApproval a) {
  return a == quota::CountApproval::kManager      ? "manager"
         : a == quota::CountApproval::kSupervisor ? "supervisor"
                                                  : "none";
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
              {"sunday_overtime", sunday_name(d.rule->sunday)},
              {"approval", approval_name(d.rule->approval)}};
    nlohmann::json counts = nlohmann::json::array();
    for (const auto& t : d.counts) counts.push_back(count_json(t));
    return http::Response::json(
        {{"date", d.day.str()},
         {"rule", rule},
         {"check_at", d.rule ? nlohmann::json(util::format_iso_utc(d.check_at)) : nullptr},
         {"extension_end", d.extension_end ? nlohmann::json(util::format_iso_utc(*d.extension_end)) : nullptr},
         {"checked", d.checked},
         {"extension_over", d.extension_over},
         {"counts", counts},
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
  router.add("POST", "/api/v1/discipline/count-approvals", [&shortfalls](http::Context& c) {
    http::JsonBody b(c.request.body, {"team_id", "date", "note"});
    const auto team = b.integer("team_id");
    if (!team) throw BadRequest::field("team_id", "必填 / required", "validation.required");
    const auto date = calendar::LocalDate::parse(*b.required_text("date"));
    if (!date) throw BadRequest::field("date", "应为 YYYY-MM-DD / must be YYYY-MM-DD");
    return http::Response::json(count_json(shortfalls.approve(c.actor(), *team, *date, b.text("note").value_or(""))),
                                201);
  });
}

}  // namespace waihu::discipline
