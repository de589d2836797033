#include "reporting/routes.hpp"

#include "calls/json.hpp"
#include "sales/json.hpp"
#include "util/clock.hpp"
#include "util/strings.hpp"

namespace waihu::reporting {

namespace {
nlohmann::json to_json(const Figures& f) {
  nlohmann::json j = calls::to_json(f.calls);
  j["deals"] = f.deals;
  j["revenue_fen"] = f.revenue_fen;
  j["revenue"] = util::format_yuan(f.revenue_fen);
  j["payments_fen"] = f.payments_fen;
  j["payments"] = util::format_yuan(f.payments_fen);
  return j;
}
}  // namespace

namespace {
nlohmann::json desk_metrics(const kpi::store::Figures& f) {
  nlohmann::json j = nlohmann::json::object();
  for (size_t i = 0; i < kpi::kMetricNames.size(); ++i) j[std::string(kpi::kMetricNames[i])] = f[i];
  return j;
}
}  // namespace

void register_routes(http::Router& router, TimelineService& timeline, DeskService& desk, OverviewService& overview) {
  router.add("GET", "/api/v1/overview", [&overview](http::Context& c) {
    c.allow_query({});
    Overview o = overview.overview(c.actor());
    nlohmann::json teams = nlohmann::json::array();
    for (const auto& t : o.teams) {
      teams.push_back({{"team_id", t.team_id},
                       {"team_name", t.team_name},
                       {"today", to_json(t.today)},
                       {"month", to_json(t.month)}});
    }
    nlohmann::json days = nlohmann::json::array();
    for (const auto& [date, f] : o.days) {
      nlohmann::json d = to_json(f);
      d["date"] = date;
      days.push_back(std::move(d));
    }
    return http::Response::json({{"date", o.date},
                                 {"month", o.month},
                                 {"time_zone", c.time().zone_id()},
                                 {"today", to_json(o.today)},
                                 {"month_to_date", to_json(o.month_to_date)},
                                 {"teams", std::move(teams)},
                                 {"days", std::move(days)}});
  });
  router.add("GET", "/api/v1/desk", [&desk](http::Context& c) {
    c.allow_query({});
    Desk d = desk.desk(c.actor());
    return http::Response::json({{"date", d.date},
                                 {"yesterday", d.yesterday},
                                 {"time_zone", c.time().zone_id()},
                                 {"day_start", util::format_iso_utc(d.day_start)},
                                 {"day_end", util::format_iso_utc(d.day_end)},
                                 {"today", calls::to_json(d.today)},
                                 {"previous_day", calls::to_json(d.previous_day)},
                                 {"metrics", desk_metrics(d.metrics_today)},
                                 {"targets", nullptr},
                                 {"due", d.due},
                                 {"overdue", d.overdue},
                                 {"callbacks", d.callbacks}});
  });
  router.add("GET", "/api/v1/customers/{id}/timeline", [&timeline](http::Context& c) {
    c.allow_query({"limit", "cursor"});
    auto page = timeline.timeline(c.actor(), c.id(), c.cursor(), c.limit());
    return http::page_response(page, [](const TimelineEntry& e) {
      nlohmann::json j{{"kind", e.kind},
                       {"at", util::format_iso_utc(e.at)},
                       {"by_name", e.by_name.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.by_name)}};
      if (e.call) j["call"] = calls::to_json(*e.call);
      if (e.follow_up) j["follow_up"] = calls::to_json(*e.follow_up, false);
      if (e.deal) j["deal"] = sales::to_json(*e.deal);
      if (e.payment) j["payment"] = sales::to_json(*e.payment);
      if (!e.status_after.empty()) j["status"] = {{"from", e.status_before}, {"to", e.status_after}};
      if (e.kind == "ownership") {
        auto opt = [](const std::optional<long long>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
        auto name = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
        j["ownership"] = {{"from_owner_id", opt(e.owner_before)},
                          {"from_owner_name", name(e.owner_before_name)},
                          {"to_owner_id", opt(e.owner_after)},
                          {"to_owner_name", name(e.owner_after_name)},
                          {"changed_by", opt(e.changed_by)}};
      }
      return j;
    });
  });
}

}  // namespace waihu::reporting
