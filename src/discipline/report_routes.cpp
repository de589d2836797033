#include "discipline/report_routes.hpp"

#include "core/errors.hpp"
#include "http/json_input.hpp"
#include "util/clock.hpp"

namespace waihu::discipline {

namespace {
nlohmann::json opt_id(const std::optional<long long>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

nlohmann::json due_json(const DueReport& d) {
  return {{"due_on", d.due_on.str()}, {"due_at", util::format_iso_utc(d.due_at)}};
}

nlohmann::json report_json(const ReportView& v) {
  const store::WorkReport& r = v.r;
  nlohmann::json j = {{"id", r.id},
                      {"user_id", r.user_id},
                      {"user_name", v.user_name},
                      {"kind", r.kind},
                      {"period", r.period},
                      {"from", r.days.from.str()},
                      {"to", r.days.to.str()},
                      {"to_user_id", opt_id(r.to_user_id)},
                      {"to_name", v.to_name},
                      {"cc_user_id", opt_id(r.cc_user_id)},
                      {"cc_name", v.cc_name},
                      {"summary", r.summary},
                      {"plan", r.plan},
                      {"questions", r.questions},
                      {"figures", nlohmann::json::parse(r.figures, nullptr, false)},
                      {"due_at", util::format_iso_utc(r.due_at)},
                      {"submitted_at", util::format_iso_utc(r.submitted_at)},
                      {"standing", v.standing},
                      {"reply_state", r.reply_state},
                      {"first_reply_at", r.first_reply_at ? nlohmann::json(util::format_iso_utc(*r.first_reply_at))
                                                          : nlohmann::json(nullptr)},
                      {"age_seconds", v.age_seconds},
                      {"policy_version", r.policy_version}};
  nlohmann::json replies = nlohmann::json::array();
  for (const auto& [x, name] : v.replies)
    replies.push_back({{"id", x.id},
                       {"user_id", x.user_id},
                       {"user_name", name},
                       {"body", x.body},
                       {"question_open", x.question_open},
                       {"created_at", util::format_iso_utc(x.created_at)}});
  j["replies"] = replies;
  return j;
}

nlohmann::json fund_json(const FundPage& f) {
  nlohmann::json teams = nlohmann::json::array(), rows = nlohmann::json::array();
  for (const auto& t : f.teams)
    teams.push_back({{"team_id", t.team_id}, {"name", t.name}, {"balance_fen", t.balance_fen}});
  for (const auto& r : f.rows) {
    auto who = r.entered_by ? f.names.find(*r.entered_by) : f.names.end();
    rows.push_back({{"id", r.id},
                    {"team_id", r.team_id},
                    {"day", r.day.str()},
                    {"amount_fen", r.amount_fen},
                    {"entry_id", opt_id(r.entry_id)},
                    {"reason", r.reason},
                    {"entered_by", opt_id(r.entered_by)},
                    {"entered_by_name", who == f.names.end() ? "" : who->second.display_name},
                    {"created_at", util::format_iso_utc(r.created_at)}});
  }
  return {{"teams", teams},
          {"items", rows},
          {"next_cursor", f.next_cursor ? nlohmann::json(*f.next_cursor) : nlohmann::json(nullptr)}};
}
}  // namespace

void register_report_routes(http::Router& router, ReportService& reports) {
  router.add("GET", "/api/v1/reports/draft", [&reports](http::Context& c) {
    c.allow_query({"kind", "period"});
    const auto kind = c.query("kind");
    if (!kind) throw BadRequest::field("kind", "必填 / required", "validation.required");
    const ReportDraft d = reports.draft(c.actor(), *kind, c.query("period").value_or(""));
    return http::Response::json({{"kind", d.kind},
                                 {"period", d.period.name},
                                 {"from", d.period.days.from.str()},
                                 {"to", d.period.days.to.str()},
                                 {"due", due_json(d.due)},
                                 {"figures", d.figures},
                                 {"to_name", d.to_name},
                                 {"cc_name", d.cc_name},
                                 {"sent_id", opt_id(d.sent_id)}});
  });
  router.add("GET", "/api/v1/reports/due", [&reports](http::Context& c) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& d : reports.due(c.actor()))
      items.push_back({{"kind", d.kind},
                       {"period", d.period.name},
                       {"from", d.period.days.from.str()},
                       {"to", d.period.days.to.str()},
                       {"asked", d.asked},
                       {"due", due_json(d.due)},
                       {"sent_id", opt_id(d.sent_id)}});
    return http::Response::json({{"items", items}});
  });
  router.add("POST", "/api/v1/reports", [&reports](http::Context& c) {
    http::JsonBody b(c.request.body, {"kind", "period", "summary", "plan", "questions"});
    NewReport in;
    in.kind = *b.required_text("kind");
    in.period = *b.required_text("period");
    in.summary = b.text("summary").value_or("");
    in.plan = b.text("plan").value_or("");
    in.questions = b.text("questions").value_or("");
    return http::Response::json(report_json(reports.submit(c.actor(), in)), 201);
  });
  router.add("GET", "/api/v1/reports", [&reports](http::Context& c) {
    c.allow_query({"view", "kind", "cursor", "limit"});
    const std::string view = c.query("view").value_or("mine");
    if (view != "mine" && view != "inbox" && view != "team")
      throw BadRequest::field("view", "应为 mine、inbox 或 team / mine, inbox or team");
    auto kind = c.query("kind");
    if (kind && *kind != "daily" && *kind != "weekly" && *kind != "monthly")
      throw BadRequest::field("kind", "应为 daily、weekly 或 monthly / daily, weekly or monthly");
    const ReportPage page = reports.list(c.actor(), view, kind, c.cursor(), c.limit());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : page.items) items.push_back(report_json(v));
    return http::Response::json(
        {{"items", items},
         {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nlohmann::json(nullptr)}});
  });
  router.add("GET", "/api/v1/reports/{id}", [&reports](http::Context& c) {
    return http::Response::json(report_json(reports.get(c.actor(), c.id())));
  });
  router.add("POST", "/api/v1/reports/{id}/replies", [&reports](http::Context& c) {
    http::JsonBody b(c.request.body, {"body", "question_open"});
    return http::Response::json(report_json(reports.reply(c.actor(), c.id(), b.text("body").value_or(""),
                                                          b.boolean("question_open").value_or(false))),
                                201);
  });
  router.add("GET", "/api/v1/discipline/fund", [&reports](http::Context& c) {
    c.allow_query({"team_id", "cursor", "limit"});
    return http::Response::json(fund_json(reports.fund(c.actor(), c.query_int("team_id"), c.cursor(), c.limit())));
  });
  router.add("POST", "/api/v1/discipline/fund", [&reports](http::Context& c) {
    http::JsonBody b(c.request.body, {"team_id", "amount_fen", "reason"});
    const auto team = b.integer("team_id");
    if (!team) throw BadRequest::field("team_id", "必填 / required", "validation.required");
    const auto amount = b.integer("amount_fen");
    if (!amount) throw BadRequest::field("amount_fen", "必填 / required", "validation.required");
    return http::Response::json(fund_json(reports.spend(c.actor(), *team, *amount, b.text("reason").value_or(""))),
                                201);
  });
}

}  // namespace waihu::discipline
