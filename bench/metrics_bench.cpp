// The metric layer at floor scale (issue 14): a generated month of a 1,000-agent floor (10,000,000 calls), then,
// warm, the daily sheet of one team and the month's ranking of every agent by effective calls — the reads every
// report makes — and what keeping the per-day rows adds to logging one call (the same calls logged with and
// without the keeper, interleaved in one run). The same code as the server: App, its services, its stores.
//   metrics_bench DATA_DIR [DB_URL] [CALLS=10000000] [AGENTS=1000]
// A DATA_DIR (or DB_URL) that already holds the month is reused: only the measurements run again.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "db/query.hpp"
#include "floor_month.hpp"
#include "kpi/day_store.hpp"

using namespace waihu;
using Clock = std::chrono::steady_clock;

namespace {
constexpr int kTeamSize = 20;
const calendar::Month kMonth{2026, 10};

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

template <class F>
double median_ms(int runs, F&& f) {
  f();  // warm
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    auto t = Clock::now();
    f();
    times.push_back(ms_since(t));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

long long start_of(app::App& app, const calendar::LocalDate& d) { return app.time.bounds(d).from; }

void generate(app::App& app, long long calls, int agents) {
  app.clock.set(start_of(app, kMonth.next().first()) + 12 * 3600);
  app.db.migrate();
  const bench::Floor floor = bench::make_floor(app, 5, agents / kTeamSize / 5);
  app.ensure_policy();
  auto t = Clock::now();
  std::vector<bench::NewPerson> people;
  for (int i = 0; i < agents; ++i)
    people.push_back({"agent", floor.groups[static_cast<size_t>(i / kTeamSize) % floor.groups.size()]});
  const std::vector<long long> agent_ids = bench::insert_people(app, people);
  // Working days of the month (preset A: Monday to Saturday), the calls spread evenly over agents and days.
  using calendar::Weekday;
  const auto days = bench::days_of(kMonth, {Weekday::kMonday, Weekday::kTuesday, Weekday::kWednesday,
                                            Weekday::kThursday, Weekday::kFriday, Weekday::kSaturday});
  const long long per_day = calls / static_cast<long long>(agents) / static_cast<long long>(days.size());
  std::mt19937_64 rng(42);
  const long long made = bench::insert_calls(app, agent_ids, days, per_day, rng);
  std::printf("generated %lld calls of %d agents in %zu teams over %zu days in %.1f s\n", made, agents,
              floor.groups.size(), days.size(), ms_since(t) / 1000);
  t = Clock::now();
  const long long rows = app.db.write([&](soci::session& sql) { return app.days.rebuild(sql, kMonth.period()); });
  std::printf("rebuilt %lld agent-days from the calls in %.1f s\n", rows, ms_since(t) / 1000);
}

// Each agent's own customers to call (the desk's case: a call is logged against a customer).
std::vector<std::vector<long long>> customers_of(app::App& app, const std::vector<long long>& agents) {
  std::vector<std::vector<long long>> out;
  // A fresh block of numbers each run: a reused month already holds the customers of earlier runs.
  int n = static_cast<int>(std::random_device{}() % 8'000'000);
  for (long long agent : agents) {
    const org::Actor actor = app.org.actor_for(app.org.get_user(nullptr, agent));
    auto& mine = out.emplace_back();
    for (int i = 0; i < 10; ++i, ++n) {
      crm::CustomerInput in;
      in.company = "基准测试客户" + std::to_string(n) + "有限公司";
      in.contact_name = "张";
      in.phones = std::vector<std::string>{"137" + std::to_string(10'000'000 + n)};
      mine.push_back(app.customers.create(actor, in, std::nullopt).id);
    }
  }
  return out;
}

// Logs `n` calls for the agents round-robin, each to one of the agent's customers, with or without the keeper;
// returns ms per call.
double log_calls(app::App& app, const std::vector<long long>& agents,
                 const std::vector<std::vector<long long>>& customers, int n, bool keep, long long& next_start) {
  if (keep)
    app.calls.keep_days(app.days);
  else
    app.calls.stop_keeping_days();
  const auto t = Clock::now();
  for (int i = 0; i < n; ++i) {
    calls::NewCall c;
    const size_t who = static_cast<size_t>(i) % agents.size();
    c.agent_id = agents[who];
    c.customer_id = customers[who][static_cast<size_t>(i / static_cast<int>(agents.size())) % customers[who].size()];
    c.result = i % 3 == 0 ? calls::CallResult::kConnected : calls::CallResult::kNoAnswer;
    c.times.started_at = next_start++;
    if (i % 3 == 0) c.times.answered_at = c.times.started_at + 5;
    c.times.ended_at = c.times.started_at + (i % 3 == 0 ? 65 : 20);
    app.calls.log(org::system_actor(), c);
  }
  return ms_since(t) / n;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: metrics_bench DATA_DIR [DB_URL] [CALLS] [AGENTS]\n");
    return 2;
  }
  app::Config config;
  config.data_dir = argv[1];
  config.db_url = argc > 2 ? argv[2] : "";
  const long long calls = argc > 3 ? std::atoll(argv[3]) : 10'000'000;
  const int agents = argc > 4 ? std::atoi(argv[4]) : 1000;
  app::App app(config);
  const bool fresh = app.db.schema_version() == 0;
  if (fresh) generate(app, calls, agents);
  app.db.migrate();  // a month made by an older build
  app.in_force.reload();
  const std::string store = app.db.dialect() == db::Dialect::kSqlite ? "SQLite" : "PostgreSQL";

  const auto team = app.org.find_team("电销1部1组");
  const calendar::LocalDate day{2026, 10, 15};
  const org::Actor admin = org::system_actor();
  reporting::SalesSheet sheet;
  const double sheet_ms = median_ms(20, [&] { sheet = app.sheets.sales(admin, {day, team->id, std::nullopt}); });
  std::vector<kpi::MetricsRow> ranking;
  const size_t effective = kpi::store::metric_index("effective_calls");
  const double ranking_ms = median_ms(20, [&] {
    ranking = app.metrics.by_agent(admin, kMonth.period(), std::nullopt, std::nullopt).rows;
    std::sort(ranking.begin(), ranking.end(), [&](const kpi::MetricsRow& a, const kpi::MetricsRow& b) {
      return a.figures[effective] > b.figures[effective];
    });
  });
  std::printf("%s: team daily sheet (%zu agents, %s): median %.1f ms\n", store.c_str(), sheet.rows.size(),
              day.str().c_str(), sheet_ms);
  std::printf("%s: monthly ranking of %zu agents by effective calls: median %.1f ms\n", store.c_str(), ranking.size(),
              ranking_ms);
  if (fresh) {
    // The baseline, once: the same ranking counted from the calls themselves, as before the metric layer.
    const auto bounds = app.time.bounds(kMonth.period());
    const auto t = Clock::now();
    const size_t counted = app.db.read([&](soci::session& sql) {
      db::Query q;
      q << "SELECT agent_id, SUM(effective) FROM calls WHERE started_at >= " << q.bind(bounds.from)
        << " AND started_at < " << q.bind(bounds.to) << " GROUP BY agent_id ORDER BY 2 DESC";
      return q.fetch(sql, 2).size();
    });
    std::printf("%s: the same ranking counted from the calls: %.0f ms (%zu agents)\n", store.c_str(), ms_since(t),
                counted);
  }

  // Logging one call on a busy day: the day's rows of these agents already hold ~370 calls each. The customers
  // are on the books from the morning.
  app.clock.set(start_of(app, day) + 8 * 3600);
  std::vector<long long> logging_agents;
  for (const auto& r : sheet.rows) logging_agents.push_back(r.agent_id);
  long long next_start = start_of(app, day) + 18 * 3600;
  double with = 0, without = 0;
  const int rounds = 10, per_round = 200;
  const auto customers = customers_of(app, logging_agents);
  app.clock.set(start_of(app, day) + 20 * 3600);
  log_calls(app, logging_agents, customers, 50, true, next_start);  // warm
  for (int r = 0; r < rounds; ++r) {
    with += log_calls(app, logging_agents, customers, per_round, true, next_start);
    without += log_calls(app, logging_agents, customers, per_round, false, next_start);
  }
  app.calls.keep_days(app.days);
  std::printf(
      "%s: logging a call: %.3f ms with the per-day rows kept, %.3f ms without: +%.1f%% (%d calls each, "
      "interleaved)\n",
      store.c_str(), with / rounds, without / rounds, (with / without - 1) * 100, rounds * per_round);
  // Put the figures right again: the calls logged without the keeper were not counted.
  app.db.write([&](soci::session& sql) { return app.days.rebuild(sql, {day, day}); });
  return 0;
}
