// A month's payroll at floor scale (issue 16): 1,000 employees in 50 groups under 5 departments — a supervisor and
// two field reps in every group, a manager in every department, the rest clerks, one clerk in twenty on probation
// since September — with 10,000,000 calls in October, 50,000 deals (a tenth visited by a field rep, one in twenty
// bulk SMS), 30,000 payments and 500 refunds, 2,000 fines in the ledger and every team's target, under seed 001.
// Timed, warm: the month's payroll run (every statement computed and the draft replaced; median of 5), reading the
// month's records alone (the share the stores take), and the month under seed 004 as a what-if.
//   payroll_bench DATA_DIR [DB_URL] [CALLS=10000000] [DEALS=50000]
// A DATA_DIR (or DB_URL) that already holds the month is reused: only the measurements run again.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "db/row_inserter.hpp"
#include "floor_month.hpp"
#include "pay/facts_store.hpp"
#include "policy/document.hpp"

using namespace waihu;
using Clock = std::chrono::steady_clock;

namespace {
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

struct Staff {
  std::vector<long long> clerks, probation, reps, callers;
  std::vector<std::vector<long long>> reps_of_group;
  std::vector<size_t> group_of_clerk;
};

Staff hire(app::App& app, const bench::Floor& floor) {
  std::vector<bench::NewPerson> people;
  enum Kind { kClerk, kProbation, kRep, kOther };
  std::vector<std::pair<Kind, size_t>> kinds;
  for (size_t d = 0; d < floor.departments.size(); ++d) {
    people.push_back({"manager", floor.departments[d]});
    kinds.emplace_back(kOther, 0);
  }
  for (size_t g = 0; g < floor.groups.size(); ++g) {
    people.push_back({"supervisor", floor.groups[g]});
    kinds.emplace_back(kOther, g);
    for (int r = 0; r < 2; ++r) {
      people.push_back({"field_rep", floor.groups[g]});
      kinds.emplace_back(kRep, g);
    }
    const int clerks = g % (floor.groups.size() / floor.departments.size()) == 0 ? 16 : 17;  // room for the manager
    for (int c = 0; c < clerks; ++c) {
      const bool probation = c == 0;  // one in seventeen, hired in September
      people.push_back(
          {"agent", floor.groups[g], probation ? "2026-09-01" : "2026-01-05", probation ? "probation" : "regular"});
      kinds.emplace_back(probation ? kProbation : kClerk, g);
    }
  }
  const auto ids = bench::insert_people(app, people);
  Staff s;
  s.reps_of_group.resize(floor.groups.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    const auto [kind, g] = kinds[i];
    if (kind == kRep) {
      s.reps.push_back(ids[i]);
      s.reps_of_group[g].push_back(ids[i]);
    }
    if (kind == kClerk || kind == kProbation) {
      s.clerks.push_back(ids[i]);
      s.group_of_clerk.push_back(g);
    }
    if (kind == kProbation) s.probation.push_back(ids[i]);
    if (kind != kOther) s.callers.push_back(ids[i]);
  }
  return s;
}

void generate(app::App& app, long long calls, long long deals) {
  app.clock.set(app.time.bounds(kMonth.next().first()).from + 12 * 3600);
  app.db.migrate();
  const bench::Floor floor = bench::make_floor(app, 5, 10);
  const auto seed = app::PoliciesInForce::preset_text("seed-001");
  app.policies.apply(org::system_actor(), policy::overlay_policy(*seed, nullptr, calendar::LocalDate{2026, 9, 1}),
                     "seed 001 for the bench");
  app.in_force.reload();
  auto t = Clock::now();
  const Staff staff = hire(app, floor);
  using calendar::Weekday;
  const auto days = bench::days_of(
      kMonth, {Weekday::kMonday, Weekday::kTuesday, Weekday::kWednesday, Weekday::kThursday, Weekday::kFriday});
  std::mt19937_64 rng(16);
  const long long per_day = calls / static_cast<long long>(staff.callers.size()) / static_cast<long long>(days.size());
  const long long made = bench::insert_calls(app, staff.callers, days, per_day, rng);
  std::printf("generated %lld calls of %zu callers (%zu people on the payroll) over %zu days in %.1f s\n", made,
              staff.callers.size(), staff.callers.size() + floor.groups.size() + floor.departments.size(), days.size(),
              ms_since(t) / 1000);

  t = Clock::now();
  long long deal_count = 0, payments = 0, refunds = 0;
  app.db.write([&](soci::session& sql) {
    db::BulkWriteTuning tuning(sql, app.db.dialect());
    // One customer per caller: each deal is on its seller's customer.
    std::map<long long, long long> customer_of;
    {
      db::RowInserter in(sql, app.db.dialect(), "customers",
                         {"company", "company_norm", "owner_id", "created_at", "updated_at"});
      for (long long who : staff.callers) {
        const std::string name = "基准客户" + std::to_string(who) + "有限公司";
        in.text(name).text(name).integer(who).integer(0).integer(0);
        customer_of[who] = in.insert();
      }
    }
    db::RowInserter in(
        sql, app.db.dialect(), "deals",
        {"customer_id", "agent_id", "field_rep_id", "sourcing", "product", "amount_fen", "closed_on", "created_at"});
    std::vector<std::pair<long long, long long>> october;  // (deal, amount)
    auto deal = [&](long long seller, std::optional<long long> rep, const calendar::LocalDate& on, long long fen) {
      in.integer(customer_of.at(seller)).integer(seller);
      if (rep)
        in.integer(*rep);
      else
        in.null();
      in.text(rep ? "proxy" : "self").text(rng() % 20 == 0 ? "短信群发" : "进销存系统").integer(fen);
      const std::string day = on.str();
      in.text(day).integer(0);
      ++deal_count;
      return in.insert();
    };
    // September: the probationers' first month, and some of everyone's.
    for (long long p : staff.probation) deal(p, std::nullopt, {2026, 9, 15}, 300'000 + 100 * (rng() % 60'000));
    for (long long i = 0; i < deals; ++i) {
      const bool by_rep = rng() % 10 == 0;
      const size_t c = static_cast<size_t>(rng() % staff.clerks.size());
      const long long seller = by_rep ? staff.reps[rng() % staff.reps.size()] : staff.clerks[c];
      std::optional<long long> rep;
      if (!by_rep && rng() % 10 == 0) rep = staff.reps_of_group[staff.group_of_clerk[c]][rng() % 2];
      const long long fen = 10'000 + 100 * static_cast<long long>(rng() % 1'000);
      october.emplace_back(deal(seller, rep, days[rng() % days.size()], fen), fen);
    }
    in.flush();
    db::RowInserter pay(sql, app.db.dialect(), "deal_payments",
                        {"deal_id", "kind", "amount_fen", "on_date", "reason", "created_at"});
    for (size_t i = 0; i < october.size() && payments < 30'000; i += 1 + (i % 3 == 0)) {
      const auto [id, fen] = october[i];
      pay.integer(id).text("payment").integer(fen / 2).text("2026-10-28").text("").integer(0);
      pay.insert();
      ++payments;
      if (refunds < 500 && i % 60 == 0) {
        pay.integer(id).text("refund").integer(fen / 4).text("2026-10-30").text("客户退款").integer(0);
        pay.insert();
        ++refunds;
      }
    }
    pay.flush();
    // Fines in the ledger: a missed weekly report for 2,000 of the month's clerk-days.
    db::RowInserter fines(sql, app.db.dialect(), "discipline_entries",
                          {"user_id", "day", "item", "fine_fen", "rule", "policy_version", "source", "created_at"});
    for (int i = 0; i < 2000; ++i) {
      const std::string day = days[rng() % days.size()].str();
      fines.integer(staff.clerks[rng() % staff.clerks.size()]).text(day).text("report_missing").integer(5000);
      fines.text("reports.weekly").integer(1).text("close").integer(0);
      fines.insert();
    }
    fines.flush();
  });
  std::printf("generated %lld deals, %lld payments, %lld refunds and 2000 fines in %.1f s\n", deal_count, payments,
              refunds, ms_since(t) / 1000);
  // Every group's and department's target: about what it sells, so the attainment bands all occur.
  const org::Actor admin = app.org.actor_for(app.org.get_user(nullptr, floor.admin));
  for (size_t g = 0; g < floor.groups.size(); ++g)
    app.payroll.set_target(admin, floor.groups[g], kMonth, 50'000'000 + 1'000'000 * (g % 20), "bench");
  for (long long d : floor.departments) app.payroll.set_target(admin, d, kMonth, 550'000'000, "bench");
  t = Clock::now();
  const long long rows = app.db.write([&](soci::session& sql) { return app.days.rebuild(sql, kMonth.period()); });
  std::printf("rebuilt %lld agent-days from the calls in %.1f s\n", rows, ms_since(t) / 1000);
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: payroll_bench DATA_DIR [DB_URL] [CALLS] [DEALS]\n");
    return 2;
  }
  app::Config config;
  config.data_dir = argv[1];
  config.db_url = argc > 2 ? argv[2] : "";
  const long long calls = argc > 3 ? std::atoll(argv[3]) : 10'000'000;
  const long long deals = argc > 4 ? std::atoll(argv[4]) : 50'000;
  app::App app(config);
  if (app.db.schema_version() == 0) generate(app, calls, deals);
  app.db.migrate();  // a month made by an older build
  app.in_force.reload();
  app.clock.set(app.time.bounds(kMonth.next().first()).from + 12 * 3600);
  const std::string store = app.db.dialect() == db::Dialect::kSqlite ? "SQLite" : "PostgreSQL";

  pay::RunReport report;
  const double run_ms = median_ms(5, [&] { report = app.payroll.run(nullptr, kMonth); });
  std::printf("%s: payroll run of %s: %lld statements, gross %.2f yuan, net %.2f yuan: median %.0f ms\n", store.c_str(),
              kMonth.str().c_str(), report.statements, report.gross_fen / 100.0, report.net_fen / 100.0, run_ms);
  size_t people = 0;
  const double read_ms = median_ms(5, [&] {
    people =
        app.db.read([&](soci::session& sql) { return pay::store::month_records(sql, kMonth.period()).people.size(); });
  });
  std::printf("%s: reading the month's records alone (%zu people with records): median %.0f ms (%.0f%% of the run)\n",
              store.c_str(), people, read_ms, 100 * read_ms / run_ms);
  const auto seed004 = app::PoliciesInForce::preset_text("seed-004");
  pay::WhatIf w;
  const double whatif_ms = median_ms(3, [&] {
    w = app.payroll.whatif(nullptr, kMonth,
                           [&] { return app.draft_pay_rules(org::system_actor(), std::nullopt, *seed004, kMonth); });
  });
  std::printf("%s: what-if of the month under seed 004 (%zu people compared, net %.2f → %.2f yuan): median %.0f ms\n",
              store.c_str(), w.people.size(), w.before_net_fen / 100.0, w.after_net_fen / 100.0, whatif_ms);
  return 0;
}
