#include "reporting/routes.hpp"

#include "calls/json.hpp"
#include "core/errors.hpp"
#include "http/download.hpp"
#include "kpi/json.hpp"
#include "quota/json.hpp"
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

// ?day= (default today), ?team_id=, ?agent_id= of a daily sheet.
SheetQuery sheet_query(const http::Context& c) {
  return {c.query_date("day").value_or(c.time().today()), c.query_int("team_id"), c.query_int("agent_id")};
}

nlohmann::json instant_or_null(const std::optional<long long>& t) {
  return t ? nlohmann::json(util::format_iso_utc(*t)) : nlohmann::json(nullptr);
}

nlohmann::json sheet_figures(const kpi::store::Figures& f, const std::optional<long long>& first,
                             const std::optional<long long>& last) {
  using kpi::store::metric_index;
  calls::CallFigures calls{f[metric_index("dials")], f[metric_index("connects")], 0, 0, first, last};
  return {{"metrics", kpi::figures_json(f)},
          {"connect_rate_bp", calls::connect_rate_bp(calls)},
          {"first_call_at", instant_or_null(first)},
          {"last_call_at", instant_or_null(last)}};
}

// Today's quota results: [{metric, target, actual, short, fine_fen}], or null without quotas.
nlohmann::json targets_json(const std::optional<std::vector<quota::QuotaResult>>& targets) {
  if (!targets) return nullptr;
  return quota::results_json(*targets);
}

void register_sheet_routes(http::Router& router, const std::string& data_dir, DailySheetService& sheets) {
  router.add("GET", "/api/v1/sheets/sales", [&sheets](http::Context& c) {
    c.allow_query({"day", "team_id", "agent_id"});
    const SalesSheet s = sheets.sales(c.actor(), sheet_query(c));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : s.rows) {
      nlohmann::json j = sheet_figures(r.figures, r.first_call_at, r.last_call_at);
      j["agent_id"] = r.agent_id;
      j["agent_name"] = r.agent_name;
      j["username"] = r.username;
      j["team_id"] = r.team_id;
      j["team_name"] = r.team_name;
      items.push_back(std::move(j));
    }
    return http::Response::json({{"day", s.day.str()},
                                 {"time_zone", c.time().zone_id()},
                                 {"policy_version", s.policy_version},
                                 {"items", std::move(items)},
                                 {"total", sheet_figures(s.total, s.first_call_at, s.last_call_at)}});
  });
  router.add("GET", "/api/v1/sheets/sales/export", [&data_dir, &sheets](http::Context& c) {
    c.allow_query({"format", "lang", "day", "team_id", "agent_id"});
    const SheetQuery q = sheet_query(c);
    return http::sheet_download(data_dir, c, {"电话销售日报表", "daily-calling-sheet"}, q.day.str(),
                                [&](const util::SheetTarget& target) { sheets.export_sales(c.actor(), q, target); });
  });
  router.add("GET", "/api/v1/sheets/customers", [&sheets](http::Context& c) {
    c.allow_query({"day", "team_id", "agent_id", "cursor", "limit"});
    auto page = sheets.customers(c.actor(), sheet_query(c), c.cursor(), c.limit());
    return http::page_response(page, [](const CustomerSheetRow& r) {
      return nlohmann::json{{"agent_id", r.agent_id},
                            {"agent_name", r.agent_name},
                            {"customer_id", r.customer_id},
                            {"company", r.company},
                            {"contact_name", r.contact_name},
                            {"title", r.title},
                            {"phone", r.phone},
                            {"headcount", r.headcount ? nlohmann::json(*r.headcount) : nlohmann::json(nullptr)},
                            {"it_status", r.it_status},
                            {"grade", r.grade},
                            {"found_today", r.found_today},
                            {"calls", r.calls},
                            {"connects", r.connects},
                            {"effective_calls", r.effective},
                            {"talk_seconds", r.talk_seconds},
                            {"first_call_at", util::format_iso_utc(r.first_call_at)},
                            {"last_call_at", util::format_iso_utc(r.last_call_at)},
                            {"last_result", r.last_result}};
    });
  });
  router.add("GET", "/api/v1/sheets/customers/export", [&data_dir, &sheets](http::Context& c) {
    c.allow_query({"format", "lang", "day", "team_id", "agent_id"});
    const SheetQuery q = sheet_query(c);
    return http::sheet_download(
        data_dir, c, {"客户记录日报表", "daily-customer-sheet"}, q.day.str(),
        [&](const util::SheetTarget& target) { sheets.export_customers(c.actor(), q, target); });
  });
}
}  // namespace

void register_routes(http::Router& router, const std::string& data_dir, TimelineService& timeline, DeskService& desk,
                     OverviewService& overview, DailySheetService& sheets) {
  register_sheet_routes(router, data_dir, sheets);
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
                                 {"metrics", kpi::figures_json(d.metrics_today)},
                                 {"targets", targets_json(d.targets)},
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
