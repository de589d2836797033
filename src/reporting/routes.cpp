#include "reporting/routes.hpp"

#include "calls/json.hpp"
#include "sales/json.hpp"
#include "util/clock.hpp"

namespace waihu::reporting {

void register_routes(http::Router& router, TimelineService& timeline) {
  router.add("GET", "/api/v1/customers/{id}/timeline", [&timeline](http::Context& c) {
    c.allow_query({"limit", "cursor"});
    auto page = timeline.timeline(c.actor(), c.id(), c.cursor(), c.limit());
    return http::page_response(page, [](const TimelineEntry& e) {
      nlohmann::json j{{"kind", e.kind}, {"at", util::format_iso_utc(e.at)}};
      if (e.call) j["call"] = calls::to_json(*e.call);
      if (e.follow_up) j["follow_up"] = calls::to_json(*e.follow_up, false);
      if (e.deal) j["deal"] = sales::to_json(*e.deal);
      if (e.payment) j["payment"] = sales::to_json(*e.payment);
      if (e.kind == "ownership") {
        auto opt = [](const std::optional<long long>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
        j["ownership"] = {{"from_owner_id", opt(e.owner_before)},
                          {"to_owner_id", opt(e.owner_after)},
                          {"changed_by", opt(e.changed_by)}};
      }
      return j;
    });
  });
}

}  // namespace waihu::reporting
