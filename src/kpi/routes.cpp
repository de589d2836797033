#include "kpi/routes.hpp"

#include "core/errors.hpp"
#include "kpi/json.hpp"

namespace waihu::kpi {

void register_routes(http::Router& router, MetricsService& metrics,
                     std::function<long long(const calendar::LocalDate&)> version_at) {
  router.add("GET", "/api/v1/metrics", [&metrics, version_at](http::Context& c) {
    c.allow_query({"by", "span", "date", "from", "to", "team_id", "agent_id"});
    const std::string by = c.query("by").value_or("agent");
    if (by != "agent" && by != "team") throw BadRequest::field("by", "应为 agent 或 team / must be agent or team");
    calendar::Period period;
    if (c.query("from") || c.query("to")) {
      if (c.query("span") || c.query("date")) {
        throw BadRequest::field("from", "from/to 与 span/date 只能用一种 / give from and to, or span and date");
      }
      const calendar::LocalDate today = c.time().today();
      period = {c.query_date("from").value_or(today), c.query_date("to").value_or(today)};
    } else {
      const std::string span = c.query("span").value_or("day");
      if (span != "day" && span != "week" && span != "month") {
        throw BadRequest::field("span", "应为 day、week 或 month / must be day, week or month");
      }
      period = metrics.period_of(span, c.query_date("date").value_or(c.time().today()));
    }
    Metrics m = by == "team" ? metrics.by_team(c.actor(), period, c.query_int("team_id"))
                             : metrics.by_agent(c.actor(), period, c.query_int("team_id"), c.query_int("agent_id"));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : m.rows) {
      nlohmann::json j{{"name", r.name}, {"metrics", figures_json(r.figures)}};
      if (by == "team") {
        j["team_id"] = r.id;
        j["parent_id"] = r.team_id ? nlohmann::json(r.team_id) : nlohmann::json(nullptr);
      } else {
        j["agent_id"] = r.id;
        j["username"] = r.username;
        j["team_id"] = r.team_id;
      }
      items.push_back(std::move(j));
    }
    return http::Response::json({{"by", by},
                                 {"from", m.period.from.str()},
                                 {"to", m.period.to.str()},
                                 {"policy_version", version_at(m.period.to)},
                                 {"items", items},
                                 {"total", figures_json(m.total)}});
  });
  router.add("GET", "/api/v1/rankings", [&metrics](http::Context& c) {
    c.allow_query({"metric", "span", "date", "team_id"});
    const std::string span = c.query("span").value_or("day");
    if (span != "day" && span != "week" && span != "month")
      throw BadRequest::field("span", "应为 day、week 或 month / must be day, week or month");
    const auto metric = c.query("metric");
    if (!metric) throw BadRequest::field("metric", "必填 / required", "validation.required");
    const Leaderboard b = metrics.leaderboard(c.actor(), *metric,
                                              metrics.period_of(span, c.query_date("date").value_or(c.time().today())),
                                              c.query_int("team_id"));
    auto standing = [](const Standing& s) {
      return nlohmann::json{{"user_id", s.user_id},     {"name", s.name},   {"team_id", s.team_id},
                            {"team_name", s.team_name}, {"value", s.value}, {"rank", s.rank}};
    };
    nlohmann::json items = nlohmann::json::array();
    for (const auto& s : b.rows) items.push_back(standing(s));
    return http::Response::json({{"metric", b.metric},
                                 {"from", b.period.from.str()},
                                 {"to", b.period.to.str()},
                                 {"people", b.people},
                                 {"items", items},
                                 {"mine", b.mine ? standing(*b.mine) : nlohmann::json(nullptr)}});
  });
}

}  // namespace waihu::kpi
