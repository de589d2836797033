// Closing a month at floor scale (issue 15): a generated month of a 1,000-agent floor — calls (and so the daily
// figures), a clock-in and -out every working day with some late, absent or leaving early, points entries, approved
// leave, weekly summaries (most sent, some not), deals — under seed 004's attendance, points, leave and reports with
// preset A's daily quotas and seed 001's elimination rules; then `close month`, which closes each of its days
// (quotas, attendance and reports due judged, the ledger written), then the points (bonus or penalty) and writes the
// elimination list.
// The same code as the server: App, its services, its stores.
//   close_bench DATA_DIR [DB_URL] [AGENTS=1000] [CALLS_PER_DAY=20]
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/policy_in_force.hpp"
#include "db/row_inserter.hpp"
#include "discipline/report_rules.hpp"

using namespace waihu;
using Clock = std::chrono::steady_clock;

namespace {
constexpr int kTeamSize = 20;
const calendar::Month kMonth{2026, 10};

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// A section of a preset, up to its first example.
std::string section_of(const char* preset, const char* header) {
  const std::string text = *app::PoliciesInForce::preset_text(preset);
  const size_t from = text.find(header), to = text.find("\n[[example]]", from);
  return text.substr(from, to - from) + "\n";
}

// Seed 004 (attendance, points, leave, weekly reports) with preset A's daily quotas and seed 001's elimination
// rules appended: every section a close judges.
std::string policy_text() {
  return *app::PoliciesInForce::preset_text("seed-004") + "\n" + section_of("preset-a", "\n[quotas]") +
         section_of("seed-001", "\n[elimination]");
}

void generate(app::App& app, int agents, int calls_per_day) {
  const long long noon_before = app.time.bounds(kMonth.first()).from - 12 * 3600;
  app.clock.set(noon_before);
  app.db.migrate();
  const auto root = app.org.create_team(nullptr, "华信科技", std::nullopt);
  org::NewUser admin;
  admin.username = "admin";
  admin.role = org::Role::kAdmin;
  admin.team_id = root.id;
  admin.password = "bench-admin-1";
  app.org.create_user(nullptr, admin);
  app.policies.apply(org::system_actor(), policy_text(), "bench");
  app.in_force.reload();
  std::vector<long long> teams;
  for (int g = 0; g < agents / kTeamSize; ++g)
    teams.push_back(app.org.create_team(nullptr, "电销" + std::to_string(g + 1) + "组", root.id).id);
  auto t = Clock::now();
  std::vector<long long> ids;
  app.db.write([&](soci::session& sql) {
    db::RowInserter users(sql, app.db.dialect(), "users",
                          {"username", "display_name", "role", "team_id", "password_hash", "hired_on",
                           "employment_status", "created_at", "updated_at"});
    for (int i = 0; i < agents; ++i) {
      const std::string name = "agent" + std::to_string(1000 + i);
      users.text(name).text(name).text("agent").integer(teams[static_cast<size_t>(i / kTeamSize) % teams.size()]);
      users.text("!").text("2026-01-05").text("regular").integer(0).integer(0);
      ids.push_back(users.insert());
    }
  });
  std::vector<calendar::LocalDate> days;
  for (auto d = kMonth.first(); d <= kMonth.last(); d = d.plus_days(1))
    if (d.weekday() != calendar::Weekday::kSaturday && d.weekday() != calendar::Weekday::kSunday) days.push_back(d);
  std::mt19937_64 rng(7);
  app.db.write([&](soci::session& sql) {
    db::BulkWriteTuning tuning(sql, app.db.dialect());
    db::RowInserter calls(sql, app.db.dialect(), "calls",
                          {"agent_id", "number", "direction", "started_at", "answered_at", "ended_at", "ring_seconds",
                           "talk_seconds", "result", "effective", "source", "created_at"},
                          {.returns_id = false, .batched = true});
    db::RowInserter clocks(sql, app.db.dialect(), "attendance_days", {"user_id", "day", "clock_in_at", "clock_out_at"},
                           {.returns_id = false, .batched = true});
    for (const auto& day : days) {
      const long long midnight = app.time.bounds(day).from;
      for (long long agent : ids) {
        // Most arrive by 09:00; some are late (up to an hour), a few never come, a few leave early.
        const auto roll = rng() % 100;
        if (roll < 2) continue;  // absent: no clock, no call
        const long long in = midnight + 8 * 3600 + 40 * 60 + (roll < 12 ? static_cast<long long>(rng() % 4800) : 0);
        const long long out = midnight + 18 * 3600 + (roll > 95 ? -static_cast<long long>(rng() % 3600) : 300);
        clocks.integer(agent).text(day.str()).integer(in).integer(out);
        clocks.insert();
        for (int k = 0; k < calls_per_day; ++k) {
          const long long started = in + 600 + k * (7 * 3600 / calls_per_day);
          const bool answered = rng() % 3 == 0;
          const long long talk = answered ? static_cast<long long>(rng() % 300) : 0;
          calls.integer(agent).text("+86138" + std::to_string(10000000 + rng() % 90000000)).text("outbound");
          calls.integer(started);
          if (answered)
            calls.integer(started + 8);
          else
            calls.null();
          calls.integer(started + 8 + talk).integer(8).integer(talk);
          calls.text(answered ? "connected" : "no_answer").integer(answered && talk >= 30 ? 1 : 0).text("agent");
          calls.integer(started + 8 + talk);
          calls.insert();
        }
      }
    }
    calls.flush();
    clocks.flush();
    // A customer each and up to three deals in the month (one in twenty closes none: the zero rule's case).
    db::RowInserter customers(sql, app.db.dialect(), "customers",
                              {"company", "owner_id", "status", "created_at", "updated_at"});
    db::RowInserter deals(sql, app.db.dialect(), "deals",
                          {"customer_id", "agent_id", "sourcing", "product", "amount_fen", "closed_on", "created_at"},
                          {.returns_id = false, .batched = true});
    for (long long agent : ids) {
      customers.text("基准客户 " + std::to_string(agent)).integer(agent).text("deal").integer(0).integer(0);
      const long long customer = customers.insert();
      const int n = rng() % 20 == 0 ? 0 : 1 + static_cast<int>(rng() % 3);
      for (int k = 0; k < n; ++k) {
        const auto& day = days[rng() % days.size()];
        deals.integer(customer).integer(agent).text("self").text("网站建设");
        deals.integer(100000 + static_cast<long long>(rng() % 1200000)).text(day.str()).integer(0);
        deals.insert();
      }
    }
    deals.flush();
    // Weekly summaries, due Fridays 18:00 (seed 004): six in seven sent on time, the rest never.
    db::RowInserter reports(sql, app.db.dialect(), "work_reports",
                            {"user_id", "kind", "period", "period_from", "period_to", "team_id", "summary", "figures",
                             "due_at", "submitted_at", "policy_version"},
                            {.returns_id = false, .batched = true});
    for (const auto& day : days) {
      if (day.weekday() != calendar::Weekday::kFriday) continue;
      const auto period =
          discipline::report_period_of(discipline::ReportKind::kWeekly, day, calendar::Weekday::kMonday);
      const long long due = app.time.bounds(day).from + 18 * 3600;
      for (size_t i = 0; i < ids.size(); ++i) {
        if (rng() % 7 == 0) continue;
        reports.integer(ids[i])
            .text("weekly")
            .text(period.name)
            .text(period.days.from.str())
            .text(period.days.to.str());
        reports.integer(teams[i / kTeamSize % teams.size()]).text("基准 / bench").text("{}");
        reports.integer(due).integer(due - 3600).integer(1);
        reports.insert();
      }
    }
    reports.flush();
  });
  std::printf("generated %d agents, %zu working days, %d calls a day each, clocks in %.1f s\n", agents, days.size(),
              calls_per_day, ms_since(t) / 1000);
  t = Clock::now();
  app.db.write([&](soci::session& sql) { app.days.rebuild(sql, kMonth.period()); });
  std::printf("figures rebuilt in %.1f s\n", ms_since(t) / 1000);

  // Points entered by supervisors' hands (the admin here) and approved leave, through the services.
  t = Clock::now();
  const org::Actor admin_actor = app.org.actor_for(*app.org.find_user("admin"));
  int entries = 0, leaves = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    const auto& day = days[i % days.size()];
    app.clock.set(app.time.bounds(day).from + 20 * 3600);
    discipline::PointsInput p{ids[i], day, i % 2 ? "untidy_seat" : "personal_call", "基准 / bench", "", false};
    app.points.enter(admin_actor, p);
    ++entries;
    if (i % 10 == 0 && i / 10 < days.size() - 1) {
      const org::Actor agent = app.org.actor_for(app.org.get_user(nullptr, ids[i]));
      const auto leave_day = days[i / 10 + 1];
      app.clock.set(app.time.bounds(leave_day).from - 36 * 3600);
      const auto r = app.requests.create(agent, {"personal", leave_day, leave_day, 0, "基准 / bench"});
      app.requests.decide(admin_actor, r.r.id, true, "");
      ++leaves;
    }
  }
  std::printf("%d points entries and %d approved leaves through the services in %.1f s\n", entries, leaves,
              ms_since(t) / 1000);
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: close_bench DATA_DIR [DB_URL] [AGENTS] [CALLS_PER_DAY]\n");
    return 2;
  }
  app::Config config;
  config.data_dir = argv[1];
  config.db_url = argc > 2 ? argv[2] : "";
  const int agents = argc > 3 ? std::atoi(argv[3]) : 1000;
  const int calls_per_day = argc > 4 ? std::atoi(argv[4]) : 20;
  app::App app(config);
  if (app.db.schema_version() != 0) {
    std::fprintf(stderr, "close_bench needs an empty store (a closed month closes once)\n");
    return 2;
  }
  generate(app, agents, calls_per_day);
  const std::string store = app.db.dialect() == db::Dialect::kSqlite ? "SQLite" : "PostgreSQL";
  app.clock.set(app.time.bounds(kMonth.next().first()).from + 3600);
  auto t = Clock::now();
  const auto r = app.months.close_month(nullptr, kMonth);
  const double ms = ms_since(t);
  long long ledger = 0, missing_reports = 0;
  app.db.read([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM discipline_entries", soci::into(ledger);
    sql << "SELECT COUNT(*) FROM discipline_entries WHERE rule = 'reports.weekly'", soci::into(missing_reports);
  });
  std::printf(
      "%s: closed %s — %lld days, %lld points ledgers, %lld bonuses, %lld penalties, %lld weekly summaries missing, "
      "%lld on the elimination list, %lld ledger rows: %.2f s\n",
      store.c_str(), kMonth.str().c_str(), r.days_closed, r.people, r.bonuses, r.penalties, missing_reports,
      r.elimination_listed, ledger, ms / 1000);
  t = Clock::now();
  const auto again = app.months.close_month(nullptr, kMonth);
  std::printf("%s: closing it again changes nothing (closed_now=%d): %.1f ms\n", store.c_str(),
              again.closed_now ? 1 : 0, ms_since(t));
  return 0;
}
