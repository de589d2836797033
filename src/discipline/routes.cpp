#include "discipline/routes.hpp"

#include <algorithm>

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

nlohmann::json objection_json(const std::optional<store::Objection>& o) {
  if (!o) return nullptr;
  return {{"reason", o->reason},
          {"created_at", util::format_iso_utc(o->created_at)},
          {"decision", o->decision ? nlohmann::json(*o->decision) : nlohmann::json(nullptr)},
          {"note", o->note},
          {"decided_by", opt(o->decided_by)},
          {"decided_at", instant(o->decided_at)}};
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
          {"created_at", util::format_iso_utc(e.created_at)},
          {"bonus_fen", e.bonus_fen},
          {"reason", e.reason},
          {"corrects", opt(e.corrects)},
          {"objection", objection_json(e.objection)}};
}

nlohmann::json month_end_json(const std::optional<MonthEnd>& m) {
  if (!m) return nullptr;
  return {{"start", m->start}, {"end", m->end}, {"bonus_fen", m->bonus_fen}, {"penalty_fen", m->penalty_fen}};
}

nlohmann::json case_json(const store::DismissalCase& c) {
  return {{"id", c.id},
          {"user_id", c.user_id},
          {"date", c.day.str()},
          {"item", c.item},
          {"reason", c.reason},
          {"evidence", c.evidence},
          {"policy_version", c.policy_version},
          {"raised_by", c.raised_by},
          {"created_at", util::format_iso_utc(c.created_at)},
          {"decision", c.decision ? nlohmann::json(*c.decision) : nlohmann::json(nullptr)},
          {"note", c.note},
          {"decided_by", opt(c.decided_by)},
          {"decided_at", instant(c.decided_at)}};
}

nlohmann::json names_json(const Named& n) {
  return {{"user_name", n.user_name}, {"entered_by_name", n.entered_by_name}, {"decided_by_name", n.decided_by_name}};
}

nlohmann::json item_json(const PointsItem& i) {
  const char* dismissal = i.dismissal == Dismissal::kAlways      ? "always"
                          : i.dismissal == Dismissal::kIfSerious ? "if_serious"
                                                                 : "never";
  return {{"key", i.key},          {"zh", i.zh}, {"en", i.en}, {"points", i.points}, {"fine_fen", i.fine_fen},
          {"dismissal", dismissal}};
}

bool open_state(http::Context& c) {
  const std::string state = c.query("state").value_or("open");
  if (state != "open" && state != "decided") throw BadRequest::field("state", "应为 open 或 decided / open or decided");
  return state == "open";
}

template <typename T, typename F>
http::Response listed(const Listed<T>& l, F to_json) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : l.items) items.push_back(to_json(i));
  return http::Response::json(
      {{"items", items}, {"next_cursor", l.next_cursor ? nlohmann::json(*l.next_cursor) : nlohmann::json(nullptr)}});
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

void register_routes(http::Router& router, DisciplineService& discipline, DayCloser& closer, MonthCloser& months,
                     PointsService& points, FabricationService& fabrications) {
  for (const RecordKind kind : {RecordKind::kCall, RecordKind::kFollowUp}) {
    const bool call = kind == RecordKind::kCall;
    router.add("POST", call ? "/api/v1/calls/{id}/fabricated" : "/api/v1/follow-ups/{id}/fabricated",
               [&fabrications, kind, call](http::Context& c) {
                 http::JsonBody b(c.request.body, {"reason"});
                 const FabricationResult r = fabrications.mark(c.actor(), kind, c.id(), b.text("reason").value_or(""));
                 return http::Response::json({{call ? "call_id" : "follow_up_id", r.record_id},
                                              {"agent_id", r.agent_id},
                                              {"entry", r.entry ? entry_json(*r.entry) : nlohmann::json(nullptr)}},
                                             201);
               });
  }
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
    for (const auto& e : l.items) {
      items.push_back(entry_json(e));
      items.back()["may_object"] = l.may_object.count(e.id) > 0;
    }
    return http::Response::json(
        {{"month", month.str()},
         {"items", items},
         {"next_cursor", l.next_cursor ? nlohmann::json(*l.next_cursor) : nlohmann::json(nullptr)},
         {"points", l.totals.points},
         {"fines_fen", l.totals.fines_fen},
         {"bonus_fen", l.totals.bonus_fen},
         {"closed", l.closed},
         {"points_month", month_end_json(l.points)}});
  });
  router.add("POST", "/api/v1/discipline/close", [&closer](http::Context& c) {
    http::JsonBody b(c.request.body, {"date"});
    return http::Response::json(report_json(closer.close_day(&c.actor(), b.required_date("date"))));
  });
  router.add("POST", "/api/v1/discipline/close-month", [&months](http::Context& c) {
    http::JsonBody b(c.request.body, {"month"});
    auto month = calendar::Month::parse(*b.required_text("month"));
    if (!month) throw BadRequest::field("month", "应为 YYYY-MM / must be YYYY-MM");
    const MonthCloseReport r = months.close_month(&c.actor(), *month);
    return http::Response::json({{"month", r.month.str()},
                                 {"closed_now", r.closed_now},
                                 {"days_closed", r.days_closed},
                                 {"people", r.people},
                                 {"bonuses", r.bonuses},
                                 {"penalties", r.penalties},
                                 {"bonus_fen", r.bonus_fen},
                                 {"penalty_fen", r.penalty_fen},
                                 {"elimination_listed", r.elimination_listed}});
  });
  router.add("GET", "/api/v1/discipline/catalogue", [&points](http::Context& c) {
    c.allow_query({"date"});
    const Catalogue cat = points.catalogue(c.query_date("date").value_or(c.time().today()));
    nlohmann::json out = {{"date", cat.day.str()}, {"policy_version", cat.policy_version}, {"points", nullptr}};
    if (cat.points) {
      const PointsPolicy& p = *cat.points;
      nlohmann::json items = nlohmann::json::array();
      for (const auto& i : p.items) {
        nlohmann::json j = item_json(i);
        j["automatic"] = std::find(cat.automatic.begin(), cat.automatic.end(), i.key) != cat.automatic.end();
        items.push_back(std::move(j));
      }
      out["points"] = {{"base", p.base},
                       {"bonus", {{"above", p.bonus_above}, {"fen", p.bonus_fen}}},
                       {"penalty", {{"below", p.penalty_below}, {"fen", p.penalty_fen}}},
                       {"thresholds", p.inclusive ? "inclusive" : "exclusive"},
                       {"objection_days", p.objection_days},
                       {"roles", p.roles},
                       {"items", items}};
    }
    return http::Response::json(out);
  });
  router.add("POST", "/api/v1/discipline/entries", [&points](http::Context& c) {
    http::JsonBody b(c.request.body, {"user_id", "date", "item", "reason", "evidence", "serious"});
    PointsInput in;
    auto user = b.integer("user_id");
    if (!user) throw BadRequest::field("user_id", "必填 / required", "validation.required");
    in.user_id = *user;
    in.day = b.required_date("date");
    in.item = *b.required_text("item");
    in.reason = *b.required_text("reason");
    in.evidence = b.text("evidence").value_or("");
    in.serious = b.boolean("serious").value_or(false);
    const PointsResult r = points.enter(c.actor(), in);
    return http::Response::json({{"entry", r.entry ? entry_json(*r.entry) : nlohmann::json(nullptr)},
                                 {"case", r.dismissal_case ? case_json(*r.dismissal_case) : nlohmann::json(nullptr)}},
                                201);
  });
  router.add("POST", "/api/v1/discipline/entries/{id}/objection", [&points](http::Context& c) {
    http::JsonBody b(c.request.body, {"reason"});
    return http::Response::json(entry_json(points.object(c.actor(), c.id(), *b.required_text("reason"))), 201);
  });
  router.add("GET", "/api/v1/discipline/objections", [&points](http::Context& c) {
    c.allow_query({"state", "cursor", "limit"});
    return listed(points.objections(c.actor(), open_state(c), c.cursor(), c.limit()), [](const ObjectionItem& i) {
      nlohmann::json j = entry_json(i.row.entry);
      j.update(names_json(i.names));
      return j;
    });
  });
  router.add("POST", "/api/v1/discipline/objections/{id}/decision", [&points](http::Context& c) {
    http::JsonBody b(c.request.body, {"decision", "note"});
    return http::Response::json(entry_json(
        points.decide_objection(c.actor(), c.id(), *b.required_text("decision"), b.text("note").value_or(""))));
  });
  router.add("GET", "/api/v1/discipline/cases", [&points](http::Context& c) {
    c.allow_query({"state", "cursor", "limit"});
    return listed(points.cases(c.actor(), open_state(c), c.cursor(), c.limit()), [](const CaseItem& i) {
      nlohmann::json j = case_json(i.c);
      j.update(names_json(i.names));
      return j;
    });
  });
  router.add("POST", "/api/v1/discipline/cases/{id}/decision", [&points](http::Context& c) {
    http::JsonBody b(c.request.body, {"decision", "note"});
    return http::Response::json(
        case_json(points.decide_case(c.actor(), c.id(), *b.required_text("decision"), b.text("note").value_or(""))));
  });
}

}  // namespace waihu::discipline
