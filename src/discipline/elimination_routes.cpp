#include "discipline/elimination_routes.hpp"

#include "core/errors.hpp"
#include "http/json_input.hpp"
#include "util/clock.hpp"

namespace waihu::discipline {

namespace {
nlohmann::json warning_json(const WarningView& v) {
  const store::WarningRow& w = v.w;
  auto name = [&](const std::optional<long long>& id) {
    if (!id) return std::string();
    auto it = v.names.find(*id);
    return it == v.names.end() ? std::string() : it->second.display_name;
  };
  return {{"id", w.id},
          {"user_id", w.user_id},
          {"user_name", name(w.user_id)},
          {"month", w.month},
          {"metric", w.metric},
          {"value", w.value},
          {"rank", w.company_rank},
          {"people", w.people},
          {"reasons", nlohmann::json::parse(w.reasons, nullptr, false)},
          {"proposes", w.proposes},
          {"policy_version", w.policy_version},
          {"created_at", util::format_iso_utc(w.created_at)},
          {"decision", w.decision ? nlohmann::json(*w.decision) : nlohmann::json(nullptr)},
          {"note", w.note},
          {"decided_by", w.decided_by ? nlohmann::json(*w.decided_by) : nlohmann::json(nullptr)},
          {"decided_by_name", name(w.decided_by)},
          {"decided_at", w.decided_at ? nlohmann::json(util::format_iso_utc(*w.decided_at)) : nlohmann::json(nullptr)}};
}
}  // namespace

void register_elimination_routes(http::Router& router, EliminationService& eliminations) {
  router.add("GET", "/api/v1/discipline/warnings", [&eliminations](http::Context& c) {
    c.allow_query({"month", "state", "cursor", "limit"});
    const std::string state = c.query("state").value_or("open");
    if (state != "open" && state != "decided")
      throw BadRequest::field("state", "应为 open 或 decided / open or decided");
    const auto page = eliminations.list(c.actor(), c.query("month"), state == "open", c.cursor(), c.limit());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : page.items) items.push_back(warning_json(v));
    return http::Response::json(
        {{"items", items},
         {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nlohmann::json(nullptr)}});
  });
  router.add("POST", "/api/v1/discipline/warnings/{id}/decision", [&eliminations](http::Context& c) {
    http::JsonBody b(c.request.body, {"decision", "note"});
    return http::Response::json(warning_json(
        eliminations.decide(c.actor(), c.id(), *b.required_text("decision"), b.text("note").value_or(""))));
  });
}

}  // namespace waihu::discipline
