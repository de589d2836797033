#include "pay/routes.hpp"

#include "core/errors.hpp"
#include "http/download.hpp"
#include "http/json_input.hpp"
#include "util/clock.hpp"

namespace waihu::pay {

namespace {

calendar::Month month_of(const std::string& text, const char* field = "month") {
  const auto m = calendar::Month::parse(text);
  if (!m) throw BadRequest::field(field, "应为 YYYY-MM / must be YYYY-MM");
  return *m;
}

nlohmann::json target_row_json(const store::TargetRow& t) {
  return {
      {"amount_fen", t.amount_fen}, {"note", t.note}, {"set_by", t.set_by}, {"set_at", util::format_iso_utc(t.set_at)}};
}

nlohmann::json target_json(const TeamTarget& t) {
  nlohmann::json history = nlohmann::json::array();
  for (const auto& r : t.history) history.push_back(target_row_json(r));
  return {{"team_id", t.team_id},
          {"team_name", t.team_name},
          {"amount_fen", t.current ? nlohmann::json(t.current->amount_fen) : nlohmann::json(nullptr)},
          {"history", history}};
}

nlohmann::json line_json(const store::StoredLine& s) {
  const Line& l = s.line;
  return {{"code", l.code},
          {"label", {{"zh", l.zh}, {"en", l.en}}},
          {"amount_fen", l.amount_fen},
          {"basis_fen", l.basis_fen},
          {"rate_bp", l.rate_bp ? nlohmann::json(*l.rate_bp) : nlohmann::json(nullptr)},
          {"tier", l.tier ? nlohmann::json(*l.tier) : nlohmann::json(nullptr)},
          {"rule", l.rule},
          {"explanation", l.explanation},
          {"sources", nlohmann::json::parse(s.sources, nullptr, false)}};
}

nlohmann::json opt_json(const std::optional<long long>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

// A line's records, each kind with the fields a person checking the line needs (no phone numbers: a deal names its
// customer by company).
nlohmann::json line_records_json(const LineRecords& r) {
  nlohmann::json deals = nlohmann::json::array(), payments = nlohmann::json::array(), entries = nlohmann::json::array(),
                 claims = nlohmann::json::array(), statements = nlohmann::json::array(),
                 inquiries = nlohmann::json::array(), leads = nlohmann::json::array(),
                 requests = nlohmann::json::array();
  for (const auto& q : r.requests)
    requests.push_back({{"id", q.id},
                        {"kind", q.kind},
                        {"from_day", q.from_day},
                        {"to_day", q.to_day},
                        {"state", q.state},
                        {"outcome", q.outcome.empty() ? nlohmann::json(nullptr) : nlohmann::json(q.outcome)},
                        {"decided_by", q.decided_by}});
  for (const auto& l : r.lead_signoffs)
    leads.push_back({{"id", l.id},
                     {"customer_id", l.customer_id},
                     {"company", l.company},
                     {"grade", l.grade},
                     {"found_on", l.found_on},
                     {"visited_on", l.visited_on},
                     {"signed_on", l.signed_on},
                     {"field_rep", l.field_rep}});
  for (const auto& d : r.deals)
    deals.push_back({{"id", d.id},
                     {"customer_id", d.customer_id},
                     {"company", d.company},
                     {"product", d.product},
                     {"sourcing", d.sourcing},
                     {"amount_fen", d.amount_fen},
                     {"closed_on", d.closed_on},
                     {"seller", d.seller},
                     {"field_rep", d.field_rep}});
  for (const auto& p : r.payments)
    payments.push_back({{"id", p.id},
                        {"deal_id", p.deal_id},
                        {"kind", p.kind},
                        {"amount_fen", p.amount_fen},
                        {"on", p.on_date},
                        {"reason", p.reason},
                        {"company", p.company}});
  for (const auto& e : r.entries)
    entries.push_back({{"id", e.id},
                       {"day", e.day},
                       {"item", e.item},
                       {"points", e.points},
                       {"fine_fen", e.fine_fen},
                       {"bonus_fen", e.bonus_fen},
                       {"base_days_milli", e.base_days_milli},
                       {"rule", e.rule},
                       {"evidence", e.evidence},
                       {"source", e.source}});
  for (const auto& k : r.duplicate_claims)
    claims.push_back({{"id", k.id},
                      {"customer_id", k.customer_id},
                      {"company", k.company},
                      {"status", k.status},
                      {"reason", k.reason},
                      {"holder", k.holder},
                      {"claimant", k.claimant}});
  for (const auto& s : r.statements)
    statements.push_back(
        {{"id", s.id}, {"month", s.month}, {"net_fen", s.net_fen}, {"held_over_fen", s.held_over_fen}});
  for (const auto& q : r.inquiries)
    inquiries.push_back({{"id", q.id},
                         {"month", q.month},
                         {"status", q.status},
                         {"reason", q.reason},
                         {"answer", q.answer},
                         {"expected_fen", opt_json(q.expected_fen)},
                         {"adjustment_fen", opt_json(q.adjustment_fen)}});
  return {{"statement_id", r.statement_id},
          {"position", r.position},
          {"code", r.code},
          {"rule", r.rule},
          {"total", r.total},
          {"deals", deals},
          {"payments", payments},
          {"entries", entries},
          {"duplicate_claims", claims},
          {"statements", statements},
          {"inquiries", inquiries},
          {"lead_signoffs", leads},
          {"requests", requests},
          {"next_cursor", r.next_cursor ? nlohmann::json(*r.next_cursor) : nlohmann::json(nullptr)}};
}

nlohmann::json exception_json(const store::ExceptionRow& e) {
  return {{"user_id", e.user_id},
          {"month", e.month},
          {"reason", e.reason},
          {"granted_by", e.granted_by},
          {"granted_at", util::format_iso_utc(e.granted_at)}};
}

nlohmann::json wages_json(const WageSettings& w) {
  nlohmann::json wages = nlohmann::json::array(), teams = nlohmann::json::array();
  for (const auto& r : w.wages)
    wages.push_back({{"city", r.city},
                     {"amount_fen", r.amount_fen},
                     {"from_month", r.from_month},
                     {"note", r.note},
                     {"set_by", r.set_by},
                     {"set_at", util::format_iso_utc(r.set_at)}});
  for (const auto& t : w.teams)
    teams.push_back(
        {{"team_id", t.team_id}, {"team_name", t.team_name}, {"city", t.city}, {"effective_city", t.effective_city}});
  return {{"wages", wages}, {"teams", teams}};
}

nlohmann::json inquiry_row_json(const store::InquiryRow& i) {
  auto opt = [](const std::optional<long long>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {
      {"id", i.id},
      {"user_id", i.user_id},
      {"month", i.month},
      {"line_code", i.line_code},
      {"line_rule", i.line_rule},
      {"line_amount_fen", opt(i.line_amount_fen)},
      {"expected_fen", opt(i.expected_fen)},
      {"reason", i.reason},
      {"raised_at", util::format_iso_utc(i.raised_at)},
      {"status", i.status},
      {"answer", i.answer},
      {"adjustment_fen", opt(i.adjustment_fen)},
      {"answered_by", opt(i.answered_by)},
      {"answered_at", i.answered_at ? nlohmann::json(util::format_iso_utc(*i.answered_at)) : nlohmann::json(nullptr)},
      {"paid_month", i.paid_month ? nlohmann::json(*i.paid_month) : nlohmann::json(nullptr)}};
}

nlohmann::json inquiry_json(const InquiryView& v) {
  nlohmann::json j = inquiry_row_json(v.row);
  j["name"] = v.name;
  return j;
}

nlohmann::json statement_json(const StatementView& v, bool with_lines) {
  const store::StatementRow& s = v.s;
  nlohmann::json j{{"id", s.id},
                   {"month", s.month},
                   {"month_status", v.month_status},
                   {"user_id", s.user_id},
                   {"name", v.name},
                   {"role", s.role},
                   {"team_id", s.team_id},
                   {"team_name", v.team_name},
                   {"employment_status", s.employment_status},
                   {"policy_version", s.policy_version},
                   {"gross_fen", s.gross_fen},
                   {"deductions_fen", s.deductions_fen},
                   {"net_fen", s.net_fen},
                   {"held_over_fen", s.held_over_fen},
                   {"status_next_month", s.status_next_month},
                   {"status_why", s.status_why},
                   {"computed_at", util::format_iso_utc(s.computed_at)}};
  if (with_lines) {
    j["exception"] = v.exception ? exception_json(*v.exception) : nlohmann::json(nullptr);
    nlohmann::json asked = nlohmann::json::array();
    for (const auto& i : v.inquiries) asked.push_back(inquiry_row_json(i));
    j["inquiries"] = asked;
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : s.lines) lines.push_back(line_json(l));
    j["lines"] = lines;
  }
  return j;
}

nlohmann::json month_json(const calendar::Month& m, const std::optional<store::MonthRow>& row) {
  if (!row) return {{"month", m.str()}, {"status", "not_run"}};
  return {
      {"month", row->month},
      {"status", row->status},
      {"run_at", util::format_iso_utc(row->run_at)},
      {"run_by", row->run_by ? nlohmann::json(*row->run_by) : nlohmann::json(nullptr)},
      {"policy_versions", nlohmann::json::parse(row->policy_versions, nullptr, false)},
      {"closed_at", row->closed_at ? nlohmann::json(util::format_iso_utc(*row->closed_at)) : nlohmann::json(nullptr)},
      {"closed_by", row->closed_by ? nlohmann::json(*row->closed_by) : nlohmann::json(nullptr)}};
}

}  // namespace

nlohmann::json whatif_json(const WhatIf& w) {
  nlohmann::json people = nlohmann::json::array();
  for (const auto& p : w.people) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : p.lines)
      lines.push_back({{"code", l.code},
                       {"rule", l.rule},
                       {"before_fen", l.before_fen},
                       {"after_fen", l.after_fen},
                       {"difference_fen", l.after_fen - l.before_fen}});
    people.push_back({{"user_id", p.user_id},
                      {"name", p.name},
                      {"team_name", p.team_name},
                      {"role", p.role},
                      {"before_gross_fen", p.before_gross_fen},
                      {"after_gross_fen", p.after_gross_fen},
                      {"before_net_fen", p.before_net_fen},
                      {"after_net_fen", p.after_net_fen},
                      {"difference_fen", p.after_net_fen - p.before_net_fen},
                      {"lines", lines}});
  }
  return {{"month", w.month.str()},
          {"against", w.against},
          {"before_version", w.before_version},
          {"after_version", w.after_version},
          {"before_net_fen", w.before_net_fen},
          {"after_net_fen", w.after_net_fen},
          {"difference_fen", w.after_net_fen - w.before_net_fen},
          {"people", people}};
}

void register_pay_routes(http::Router& router, PayrollService& payroll, PayInquiries& inquiries, DraftRules draft_rules,
                         std::string data_dir) {
  router.add("POST", "/api/v1/payroll/statements/{id}/inquiries", [&inquiries](http::Context& c) {
    http::JsonBody b(c.request.body, {"line", "expected_fen", "reason"});
    return http::Response::json(inquiry_json(inquiries.raise(c.actor(), c.id(), b.integer("line"),
                                                             b.integer("expected_fen"), b.text("reason").value_or(""))),
                                201);
  });
  router.add("GET", "/api/v1/payroll/inquiries", [&inquiries](http::Context& c) {
    c.allow_query({"status", "cursor", "limit"});
    const auto page = inquiries.list(c.actor(), c.query("status").value_or(""), c.cursor(), c.limit());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : page.items) items.push_back(inquiry_json(v));
    return http::Response::json(
        {{"items", items},
         {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nlohmann::json(nullptr)}});
  });
  router.add("POST", "/api/v1/payroll/inquiries/{id}/answer", [&inquiries](http::Context& c) {
    http::JsonBody b(c.request.body, {"decision", "answer", "adjustment_fen"});
    return http::Response::json(
        inquiry_json(inquiries.answer(c.actor(), c.id(), b.text("decision").value_or(""), b.text("answer").value_or(""),
                                      b.integer("adjustment_fen"))));
  });
  router.add("GET", "/api/v1/pay/targets", [&payroll](http::Context& c) {
    c.allow_query({"month"});
    const auto month = month_of(c.query("month").value_or(calendar::Month::of(c.time().today()).str()));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& t : payroll.targets(c.actor(), month)) items.push_back(target_json(t));
    return http::Response::json({{"month", month.str()}, {"items", items}});
  });
  router.add("PUT", "/api/v1/pay/targets", [&payroll](http::Context& c) {
    http::JsonBody b(c.request.body, {"team_id", "month", "amount_fen", "note"});
    const auto team = b.integer("team_id");
    if (!team) throw BadRequest::field("team_id", "必填 / required", "validation.required");
    const auto month = month_of(*b.required_text("month"));
    const auto amount = b.integer("amount_fen");
    if (!amount) throw BadRequest::field("amount_fen", "必填 / required", "validation.required");
    return http::Response::json(
        target_json(payroll.set_target(c.actor(), *team, month, *amount, b.text("note").value_or(""))));
  });
  router.add("GET", "/api/v1/pay/minimum-wages", [&payroll](http::Context& c) {
    return http::Response::json(wages_json(payroll.wage_settings(c.actor())));
  });
  router.add("PUT", "/api/v1/pay/minimum-wages", [&payroll](http::Context& c) {
    http::JsonBody b(c.request.body, {"city", "amount_fen", "from_month", "note"});
    const auto city = b.required_text("city");
    const auto amount = b.integer("amount_fen");
    if (!amount) throw BadRequest::field("amount_fen", "必填 / required", "validation.required");
    const auto from = month_of(*b.required_text("from_month"), "from_month");
    return http::Response::json(
        wages_json(payroll.set_wage(c.actor(), *city, *amount, from, b.text("note").value_or(""))));
  });
  router.add("PUT", "/api/v1/pay/team-cities", [&payroll](http::Context& c) {
    http::JsonBody b(c.request.body, {"team_id", "city"});
    const auto team = b.integer("team_id");
    if (!team) throw BadRequest::field("team_id", "必填 / required", "validation.required");
    return http::Response::json(wages_json(payroll.set_team_city(c.actor(), *team, b.text("city").value_or(""))));
  });
  router.add("POST", "/api/v1/pay/probation-exceptions", [&payroll](http::Context& c) {
    http::JsonBody b(c.request.body, {"user_id", "month", "reason"});
    const auto user = b.integer("user_id");
    if (!user) throw BadRequest::field("user_id", "必填 / required", "validation.required");
    const auto month = month_of(*b.required_text("month"));
    return http::Response::json(
        exception_json(payroll.grant_exception(c.actor(), *user, month, b.text("reason").value_or(""))), 201);
  });
  router.add("POST", "/api/v1/payroll/{month}/whatif", [&payroll, draft_rules](http::Context& c) {
    http::JsonBody b(c.request.body, {"policy_id", "policy_text"});
    const auto month = month_of(c.param("month"));
    const auto id = b.integer("policy_id");
    const auto text = b.text("policy_text");
    if (!id && !text)
      throw BadRequest::field("policy_id", "请选择制度版本或上传制度文件 / name a policy version or give its text",
                              "validation.required");
    if (id && text) throw BadRequest::field("policy_text", "二选一 / either a version or a text, not both");
    return http::Response::json(
        whatif_json(payroll.whatif(&c.actor(), month, [&] { return draft_rules(c.actor(), id, text, month); })));
  });
  router.add("POST", "/api/v1/payroll/{month}/run", [&payroll](http::Context& c) {
    const auto month = month_of(c.param("month"));
    const RunReport r = payroll.run(&c.actor(), month);
    return http::Response::json({{"month", month.str()},
                                 {"statements", r.statements},
                                 {"gross_fen", r.gross_fen},
                                 {"net_fen", r.net_fen},
                                 {"policy_version", r.policy_version},
                                 {"status", month_json(month, payroll.month(month))}});
  });
  router.add("POST", "/api/v1/payroll/{month}/close", [&payroll](http::Context& c) {
    const auto month = month_of(c.param("month"));
    return http::Response::json(month_json(month, payroll.close(&c.actor(), month)));
  });
  router.add("GET", "/api/v1/payroll/{month}", [&payroll](http::Context& c) {
    const auto month = month_of(c.param("month"));
    return http::Response::json(month_json(month, payroll.month(month)));
  });
  router.add("GET", "/api/v1/payroll/{month}/statements", [&payroll](http::Context& c) {
    c.allow_query({"cursor", "limit"});
    const auto month = month_of(c.param("month"));
    const auto page = payroll.statements(c.actor(), month, c.cursor(), c.limit());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : page.items) items.push_back(statement_json(v, false));
    return http::Response::json(
        {{"items", items},
         {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nlohmann::json(nullptr)}});
  });
  router.add("GET", "/api/v1/payroll/{month}/export", [&payroll, data_dir](http::Context& c) {
    c.allow_query({"format", "lang", "view"});
    const auto month = month_of(c.param("month"));
    const std::string view = c.query("view").value_or("statements");
    if (view != "statements" && view != "lines")
      throw BadRequest::field("view", "应为 statements 或 lines / must be statements or lines");
    const util::Label what = view == "lines" ? util::Label{"工资明细", "pay-lines"} : util::Label{"工资单", "pay"};
    return http::sheet_download(data_dir, c, what, month.str(), [&](const util::SheetTarget& target) {
      payroll.export_month(&c.actor(), month, view == "lines", http::query_json(c), target);
    });
  });
  router.add("GET", "/api/v1/payroll/month-to-date", [&payroll](http::Context& c) {
    c.allow_query({});
    const auto s = payroll.month_to_date(c.actor());
    if (!s) return http::Response::json({{"statement", nullptr}, {"as_of", c.time().today().str()}});
    StatementView v{*s, "", "", "draft", std::nullopt, {}};
    return http::Response::json({{"statement", statement_json(v, true)}, {"as_of", c.time().today().str()}});
  });
  router.add("GET", "/api/v1/payroll/statements/{id}", [&payroll](http::Context& c) {
    return http::Response::json(statement_json(payroll.statement(c.actor(), c.id()), true));
  });
  router.add("GET", "/api/v1/payroll/statements/{id}/lines/{position}/records", [&payroll](http::Context& c) {
    c.allow_query({"cursor", "limit"});
    return http::Response::json(
        line_records_json(payroll.line_records(c.actor(), c.id(), c.id("position"), c.cursor(), c.limit())));
  });
}

}  // namespace waihu::pay
