#include "discipline/request_routes.hpp"

#include "core/errors.hpp"
#include "http/json_input.hpp"
#include "util/clock.hpp"

namespace waihu::discipline {

namespace {
nlohmann::json request_json(const RequestView& v) {
  const store::StaffRequest& r = v.r;
  auto opt_time = [](const std::optional<long long>& t) {
    return t ? nlohmann::json(util::format_iso_utc(*t)) : nlohmann::json(nullptr);
  };
  nlohmann::json certificate = nullptr;
  if (r.certificate_file)
    certificate = {{"name", r.certificate_name.value_or("")},
                   {"type", r.certificate_type.value_or("")},
                   {"bytes", r.certificate_bytes}};
  return {{"id", r.id},
          {"user_id", r.user_id},
          {"user_name", v.user_name},
          {"kind", r.kind},
          {"from", r.from.str()},
          {"to", r.to.str()},
          {"minutes", r.minutes},
          {"reason", r.reason},
          {"requested_at", util::format_iso_utc(r.requested_at)},
          {"state", r.state},
          {"decided_by", r.decided_by ? nlohmann::json(*r.decided_by) : nlohmann::json(nullptr)},
          {"decided_by_name", v.decided_by_name},
          {"decided_at", opt_time(r.decided_at)},
          {"note", r.note},
          {"outcome", r.outcome ? nlohmann::json(*r.outcome) : nlohmann::json(nullptr)},
          {"verdict", v.verdict},
          {"certificate", certificate}};
}

}  // namespace

void register_request_routes(http::Router& router, RequestService& requests) {
  router.add("POST", "/api/v1/requests", [&requests](http::Context& c) {
    http::JsonBody b(c.request.body, {"kind", "from", "to", "minutes", "reason"});
    NewRequest in;
    in.kind = *b.required_text("kind");
    in.from = b.required_date("from");
    in.to = b.has("to") ? b.required_date("to") : in.from;
    in.minutes = b.integer("minutes").value_or(0);
    in.reason = *b.required_text("reason");
    return http::Response::json(request_json(requests.create(c.actor(), in)), 201);
  });
  router.add("GET", "/api/v1/requests", [&requests](http::Context& c) {
    c.allow_query({"view", "state", "cursor", "limit"});
    const std::string view = c.query("view").value_or("mine");
    if (view != "mine" && view != "approve") throw BadRequest::field("view", "应为 mine 或 approve / mine or approve");
    auto state = c.query("state");
    if (state && *state != "pending" && *state != "approved" && *state != "rejected" && *state != "cancelled")
      throw BadRequest::field("state", "应为 pending、approved、rejected 或 cancelled / unknown state");
    const RequestPage page = requests.list(c.actor(), view == "mine", state, c.cursor(), c.limit());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : page.items) items.push_back(request_json(v));
    return http::Response::json(
        {{"items", items},
         {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nlohmann::json(nullptr)}});
  });
  router.add("GET", "/api/v1/requests/{id}", [&requests](http::Context& c) {
    return http::Response::json(request_json(requests.get(c.actor(), c.id())));
  });
  router.add("POST", "/api/v1/requests/{id}/cancel", [&requests](http::Context& c) {
    http::JsonBody(c.request.body.empty() ? "{}" : c.request.body, {});
    return http::Response::json(request_json(requests.cancel(c.actor(), c.id())));
  });
  router.add("POST", "/api/v1/requests/{id}/decision", [&requests](http::Context& c) {
    http::JsonBody b(c.request.body, {"decision", "note"});
    const std::string decision = *b.required_text("decision");
    if (decision != "approved" && decision != "rejected")
      throw BadRequest::field("decision", "应为 approved 或 rejected / approved or rejected");
    return http::Response::json(
        request_json(requests.decide(c.actor(), c.id(), decision == "approved", b.text("note").value_or(""))));
  });
  router.add("POST", "/api/v1/requests/{id}/certificate", [&requests](http::Context& c) {
    c.allow_query({"filename"});
    return http::Response::json(
        request_json(requests.attach_certificate(c.actor(), c.id(), c.request.body, c.query("filename").value_or(""))));
  });
  router.add("GET", "/api/v1/requests/{id}/certificate", [&requests](http::Context& c) {
    const Certificate cert = requests.certificate(c.actor(), c.id());
    http::Response r;
    r.content_type = cert.type;
    r.file_path = cert.path;
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"certificate\"");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    return r;
  });
}

}  // namespace waihu::discipline
