#include "discipline/meeting_routes.hpp"

#include "core/errors.hpp"
#include "http/json_input.hpp"
#include "util/clock.hpp"
#include "util/strings.hpp"

namespace waihu::discipline {

namespace {
nlohmann::json meeting_json(const MeetingView& v) {
  auto name = [&](long long id) {
    auto it = v.names.find(id);
    return it == v.names.end() ? std::string() : it->second.display_name;
  };
  nlohmann::json people = nlohmann::json::array();
  for (const auto& a : v.attendees)
    people.push_back({{"user_id", a.user_id},
                      {"name", name(a.user_id)},
                      {"status", a.status ? nlohmann::json(*a.status) : nlohmann::json(nullptr)},
                      {"note", a.note},
                      {"entry_id", a.entry_id ? nlohmann::json(*a.entry_id) : nlohmann::json(nullptr)}});
  return {{"id", v.m.id},
          {"kind", v.m.kind},
          {"kind_zh", v.kind ? v.kind->zh : v.m.kind},
          {"kind_en", v.kind ? v.kind->en : v.m.kind},
          {"missed_item", v.kind ? v.kind->missed_item : ""},
          {"title", v.m.title},
          {"team_id", v.m.team_id},
          {"team_name", v.team_name},
          {"starts_at", util::format_iso_utc(v.m.starts_at)},
          {"minutes", v.m.minutes},
          {"held_by", v.m.held_by},
          {"held_by_name", name(v.m.held_by)},
          {"closed_at", v.m.closed_at ? nlohmann::json(util::format_iso_utc(*v.m.closed_at)) : nullptr},
          {"policy_version", v.m.policy_version},
          {"attendees", people},
          {"may_mark", v.may_mark}};
}
}  // namespace

void register_meeting_routes(http::Router& router, MeetingService& meetings) {
  router.add("POST", "/api/v1/meetings", [&meetings](http::Context& c) {
    http::JsonBody b(c.request.body, {"kind", "title", "team_id", "starts_at", "minutes"});
    NewMeeting in;
    in.kind = *b.required_text("kind");
    in.title = *b.required_text("title");
    const auto team = b.integer("team_id");
    if (!team) throw BadRequest::field("team_id", "必填 / required", "validation.required");
    in.team_id = *team;
    const auto at = util::parse_iso8601(*b.required_text("starts_at"));
    if (!at) throw BadRequest::field("starts_at", "应为带时区的时间 / an ISO 8601 time with its offset");
    in.starts_at = *at;
    in.minutes = static_cast<int>(b.integer("minutes").value_or(0));
    return http::Response::json(meeting_json(meetings.hold(c.actor(), in)), 201);
  });
  router.add("GET", "/api/v1/meetings", [&meetings](http::Context& c) {
    c.allow_query({"from", "to", "cursor", "limit"});
    const calendar::LocalDate today = c.time().today();
    const calendar::LocalDate from = c.query_date("from").value_or(today.plus_days(-30));
    const calendar::LocalDate to = c.query_date("to").value_or(today.plus_days(30));
    if (to < from) throw BadRequest::field("to", "结束早于开始 / before the start");
    if (to.days() - from.days() > 366) throw BadRequest::field("to", "最长一年 / at most a year");
    const auto page = meetings.list(c.actor(), c.time().bounds({from, to}).from, c.time().bounds({from, to}).to,
                                    c.cursor(), c.limit());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : page.items) items.push_back(meeting_json(v));
    return http::Response::json(
        {{"items", items},
         {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nlohmann::json(nullptr)}});
  });
  router.add("GET", "/api/v1/meetings/kinds", [&meetings](http::Context& c) {
    c.allow_query({"date"});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& k : meetings.kinds(c.query_date("date").value_or(c.time().today())))
      items.push_back({{"kind", k.kind},
                       {"zh", k.zh},
                       {"en", k.en},
                       {"at", k.at ? nlohmann::json(util::clock_time(*k.at)) : nullptr},
                       {"minutes", k.minutes},
                       {"within_workday", k.within_workday},
                       {"missed_item", k.missed_item}});
    return http::Response::json({{"items", items}});
  });
  router.add("GET", "/api/v1/meetings/{id}", [&meetings](http::Context& c) {
    return http::Response::json(meeting_json(meetings.get(c.actor(), c.id())));
  });
  router.add("POST", "/api/v1/meetings/{id}/attendance", [&meetings](http::Context& c) {
    http::JsonBody b(c.request.body, {"marks", "close"});
    std::vector<MarkedAttendance> marks;
    for (const auto& text : b.object_list("marks")) {
      http::JsonBody m(text, {"user_id", "status", "note"});
      const auto user = m.integer("user_id");
      if (!user) throw BadRequest::field("marks", "每项需要 user_id / each mark needs user_id");
      marks.push_back({*user, *m.required_text("status"), m.text("note").value_or("")});
    }
    return http::Response::json(
        meeting_json(meetings.record(c.actor(), c.id(), marks, b.boolean("close").value_or(false))));
  });
}

}  // namespace waihu::discipline
