#include "discipline/claim_routes.hpp"

#include "core/errors.hpp"
#include "http/json_input.hpp"
#include "util/clock.hpp"

namespace waihu::discipline {

namespace {
nlohmann::json opt_id(const std::optional<long long>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

nlohmann::json claim_json(const ClaimView& v) {
  const store::ClaimCase& c = v.c;
  auto name = [&](const std::optional<long long>& id) {
    if (!id) return std::string();
    auto it = v.names.find(*id);
    return it == v.names.end() ? std::string() : it->second.display_name;
  };
  nlohmann::json j = {{"id", c.id},
                      {"customer_id", c.customer_id},
                      {"customer_company", c.customer_company},
                      {"candidate_company", c.candidate_company},
                      {"holder_id", opt_id(c.holder_id)},
                      {"holder_name", name(c.holder_id)},
                      {"claimant_id", opt_id(c.claimant_id)},
                      {"claimant_name", name(c.claimant_id)},
                      {"reason", c.reason},
                      {"matched", c.matched},
                      {"origin", c.origin},
                      {"status", c.status},
                      {"stage", c.stage},
                      {"keeper_id", opt_id(c.keeper_id)},
                      {"keeper_name", name(c.keeper_id)},
                      {"created_at", util::format_iso_utc(c.created_at)},
                      {"closed_at", c.closed_at ? nlohmann::json(util::format_iso_utc(*c.closed_at)) : nullptr}};
  nlohmann::json steps = nlohmann::json::array(), penalties = nlohmann::json::array();
  for (const auto& s : v.steps)
    steps.push_back({{"action", s.action},
                     {"stage", s.stage},
                     {"actor_id", s.actor_id},
                     {"actor_name", name(s.actor_id)},
                     {"keeper_id", opt_id(s.keeper_id)},
                     {"keeper_name", name(s.keeper_id)},
                     {"note", s.note},
                     {"at", util::format_iso_utc(s.at)}});
  for (const auto& p : v.penalties)
    penalties.push_back({{"user_id", p.user_id},
                         {"user_name", name(p.user_id)},
                         {"stage", p.stage},
                         {"percent", p.percent},
                         {"total_percent", p.total_percent},
                         {"month", p.month},
                         {"policy_version", p.policy_version}});
  j["steps"] = steps;
  j["penalties"] = penalties;
  j["can"] = {{"yield", v.can_yield}, {"escalate", v.can_escalate}, {"decide", v.can_decide}};
  j["dismissal_case_ids"] = v.dismissal_cases;
  return j;
}
}  // namespace

void register_claim_routes(http::Router& router, ClaimService& claims) {
  router.add("GET", "/api/v1/duplicate-claims", [&claims](http::Context& c) {
    c.allow_query({"limit", "cursor", "status"});
    const ClaimPage page = claims.list(c.actor(), c.query("status"), c.cursor(), c.limit());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : page.items) items.push_back(claim_json(v));
    return http::Response::json(
        {{"items", items},
         {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nlohmann::json(nullptr)}});
  });
  router.add("GET", "/api/v1/duplicate-claims/{id}",
             [&claims](http::Context& c) { return http::Response::json(claim_json(claims.get(c.actor(), c.id()))); });
  router.add("POST", "/api/v1/duplicate-claims/{id}/yield", [&claims](http::Context& c) {
    http::JsonBody b(c.request.body, {"note"});
    return http::Response::json(claim_json(claims.yield(c.actor(), c.id(), b.text("note").value_or(""))));
  });
  router.add("POST", "/api/v1/duplicate-claims/{id}/escalate", [&claims](http::Context& c) {
    http::JsonBody b(c.request.body, {"note"});
    return http::Response::json(claim_json(claims.escalate(c.actor(), c.id(), b.text("note").value_or(""))));
  });
  router.add("POST", "/api/v1/duplicate-claims/{id}/decide", [&claims](http::Context& c) {
    http::JsonBody b(c.request.body, {"keeper_id", "note", "malicious"});
    ClaimDecision d;
    const auto keeper = b.integer("keeper_id");
    if (!keeper) throw BadRequest::field("keeper_id", "必填 / required", "validation.required");
    d.keeper_id = *keeper;
    d.note = b.text("note").value_or("");
    if (auto m = b.integer_list("malicious")) d.malicious = *m;
    return http::Response::json(claim_json(claims.decide(c.actor(), c.id(), d)));
  });
}

}  // namespace waihu::discipline
