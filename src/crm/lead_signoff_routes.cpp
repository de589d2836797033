#include "crm/lead_signoff_routes.hpp"

#include "core/errors.hpp"
#include "http/json_input.hpp"
#include "util/clock.hpp"

namespace waihu::crm {

namespace {
nlohmann::json opt(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

nlohmann::json signoff_json(const store::SignOffRow& r) {
  return {
      {"id", r.id},
      {"customer_id", r.customer_id},
      {"company", r.company},
      {"grade", r.grade},
      {"credited_to", r.credited_to},
      {"credited_name", r.credited_name},
      {"found_on", r.found_on},
      {"field_rep_id", r.field_rep_id},
      {"field_rep_name", r.field_rep_name},
      {"requested_at", util::format_iso_utc(r.requested_at)},
      {"status", r.status},
      {"visited_on", opt(r.visited_on)},
      {"note", r.note},
      {"answered_at", r.answered_at ? nlohmann::json(util::format_iso_utc(*r.answered_at)) : nlohmann::json(nullptr)},
      {"signed_on", opt(r.signed_on)},
      {"paid_month", opt(r.paid_month)}};
}
}  // namespace

void register_lead_signoff_routes(http::Router& router, LeadSignOffs& signoffs) {
  router.add("POST", "/api/v1/customers/{id}/lead-signoff", [&signoffs](http::Context& c) {
    http::JsonBody b(c.request.body, {"field_rep_id"});
    const auto rep = b.integer("field_rep_id");
    if (!rep) throw BadRequest::field("field_rep_id", "请选择商务代表 / choose a field rep", "validation.required");
    return http::Response::json(signoff_json(signoffs.request(c.actor(), c.id(), *rep)), 201);
  });
  router.add("GET", "/api/v1/customers/{id}/lead-signoff", [&signoffs](http::Context& c) {
    const auto v = signoffs.of_customer(c.actor(), c.id());
    return http::Response::json({{"signoff", v ? signoff_json(*v) : nlohmann::json(nullptr)}});
  });
  router.add("GET", "/api/v1/lead-signoffs", [&signoffs](http::Context& c) {
    c.allow_query({"status", "cursor", "limit"});
    const auto page = signoffs.list(c.actor(), c.query("status").value_or(""), c.cursor(), c.limit());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : page.items) items.push_back(signoff_json(v));
    return http::Response::json(
        {{"items", items},
         {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nlohmann::json(nullptr)}});
  });
  router.add("GET", "/api/v1/lead-signoffs/field-reps", [&signoffs](http::Context& c) {
    c.actor();  // signed in
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : signoffs.field_reps()) items.push_back({{"id", r.id}, {"name", r.name}, {"team", r.team}});
    return http::Response::json({{"items", items}});
  });
  router.add("POST", "/api/v1/lead-signoffs/{id}/answer", [&signoffs](http::Context& c) {
    http::JsonBody b(c.request.body, {"decision", "visited_on", "note"});
    return http::Response::json(
        signoff_json(signoffs.answer(c.actor(), c.id(), b.text("decision").value_or(""),
                                     b.text("visited_on").value_or(""), b.text("note").value_or(""))));
  });
}

}  // namespace waihu::crm
