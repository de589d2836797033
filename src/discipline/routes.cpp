#include "discipline/routes.hpp"

#include "core/errors.hpp"
#include "http/json_input.hpp"
#include "quota/json.hpp"
#include "util/clock.hpp"

namespace waihu::discipline {

namespace {

nlohmann::json opt(const std::optional<long long>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }
nlohmann::json instant(const std::optional<long long>& t) {
  return t ? nlohmann::json(util::format_iso_utc(*t)) : nlohmann::json(nullptr);
}

nlohmann::json attendance_json(const std::optional<store::AttendanceRow>& a) {
  if (!a) return nullptr;
  return {{"clock_in_at", instant(a->clock_in_at)},
          {"clock_out_at", instant(a->clock_out_at)},
          {"outcome", a->outcome ? nlohmann::json(*a->outcome) : nlohmann::json(nullptr)},
          {"late_minutes", a->late_minutes},
          {"early_minutes", a->early_minutes},
          {"policy_version", opt(a->policy_version)}};
}

nlohmann::json entry_json(const store::EntryRow& e) {
  return {{"id", e.id},
          {"user_id", e.user_id},
          {"date", e.day.str()},
          {"item", e.entry.item},
          {"points", e.entry.points},
          {"fine_fen", e.entry.fine_fen},
          {"fund_fen", e.fund_fen},
          {"base_days_milli", e.entry.base_days_milli},
          {"rule", e.entry.rule},
          {"policy_version", e.policy_version},
          {"evidence", e.entry.evidence},
          {"source", e.source},
          {"entered_by", opt(e.entered_by)},
          {"created_at", util::format_iso_utc(e.created_at)}};
}

nlohmann::json person_json(const PersonDay& p) {
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& e : p.entries) entries.push_back(entry_json(e));
  return {
      {"user_id", p.user_id},
      {"team_id", p.team_id},
      {"display_name", p.display_name},
      {"username", p.username},
      {"role", p.role},
      {"attendance", attendance_json(p.attendance)},
      {"attendance_preview", p.attendance_preview ? nlohmann::json(*p.attendance_preview) : nlohmann::json(nullptr)},
      {"new_hire", p.new_hire},
      {"quotas", quota::results_json(p.quotas)},
      {"still_short", p.still_short},
      {"entries", entries}};
}

nlohmann::json report_json(const CloseReport& r) {
  return {{"date", r.day.str()}, {"closed_now", r.closed_now}, {"working_day", r.working_day},
          {"people", r.people},  {"entries", r.entries},       {"fines_fen", r.fines_fen},
          {"points", r.points}};
}

}  // namespace

void register_routes(http::Router& router, DisciplineService& discipline, DayCloser& closer) {
  for (const bool in : {true, false}) {
    router.add("POST", in ? "/api/v1/attendance/clock-in" : "/api/v1/attendance/clock-out",
               [&discipline, in](http::Context& c) {
                 http::JsonBody(c.request.body.empty() ? "{}" : c.request.body, {});
                 return http::Response::json(attendance_json(discipline.clock(c.actor(), in)));
               });
  }
  router.add("GET", "/api/v1/discipline/my-day", [&discipline](http::Context& c) {
    c.allow_query({"date"});
    return http::Response::json(person_json(discipline.my_day(c.actor(), c.query_date("date"))));
  });
  router.add("GET", "/api/v1/discipline/team-day", [&discipline](http::Context& c) {
    c.allow_query({"date", "team_id"});
    const FloorDay d =
        discipline.team_day(c.actor(), c.query_date("date").value_or(c.time().today()), c.query_int("team_id"));
    nlohmann::json people = nlohmann::json::array();
    for (const auto& p : d.people) people.push_back(person_json(p));
    return http::Response::json({{"date", d.day.str()},
                                 {"closed", d.closed},
                                 {"working_day", d.working_day},
                                 {"policy_version", d.policy_version},
                                 {"workday", {{"start", d.workday_start}, {"end", d.workday_end}}},
                                 {"has_quotas", d.has_quotas},
                                 {"has_attendance", d.has_attendance},
                                 {"people", people}});
  });
  router.add("GET", "/api/v1/discipline/ledger", [&discipline](http::Context& c) {
    c.allow_query({"month", "user_id", "cursor", "limit"});
    calendar::Month month = calendar::Month::of(c.time().today());
    if (auto m = c.query("month")) {
      auto parsed = calendar::Month::parse(*m);
      if (!parsed) throw BadRequest::field("month", "应为 YYYY-MM / must be YYYY-MM");
      month = *parsed;
    }
    const LedgerMonth l = discipline.ledger(c.actor(), month, c.query_int("user_id"), c.cursor(), c.limit());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& e : l.items) items.push_back(entry_json(e));
    return http::Response::json(
        {{"month", month.str()},
         {"items", items},
         {"next_cursor", l.next_cursor ? nlohmann::json(*l.next_cursor) : nlohmann::json(nullptr)},
         {"points", l.points},
         {"fines_fen", l.fines_fen}});
  });
  router.add("POST", "/api/v1/discipline/close", [&closer](http::Context& c) {
    http::JsonBody b(c.request.body, {"date"});
    auto text = b.required_text("date");
    auto day = calendar::LocalDate::parse(*text);
    if (!day) throw BadRequest::field("date", "应为 YYYY-MM-DD / must be a date YYYY-MM-DD");
    return http::Response::json(report_json(closer.close_day(&c.actor(), *day)));
  });
}

}  // namespace waihu::discipline
