// `waihu metrics verify|rebuild [--from DATE --to DATE]`: the kept per-agent-day figures against the records.
#include <iostream>

#include "cli/cli.hpp"
#include "core/errors.hpp"

namespace waihu::cli {

namespace {
struct PeriodOpts {
  std::string from, to;
};
calendar::Period period_of(app::App& app, const PeriodOpts& o) {
  const calendar::LocalDate today = app.time.today();
  auto parse = [](const std::string& s, const char* field, calendar::LocalDate fallback) {
    if (s.empty()) return fallback;
    auto d = calendar::LocalDate::parse(s);
    if (!d) throw BadRequest::field(field, "must be YYYY-MM-DD");
    return *d;
  };
  calendar::Period p{parse(o.from, "from", calendar::Month::of(today).first()), parse(o.to, "to", today)};
  if (p.to < p.from) throw BadRequest::field("to", "must not be before --from");
  return p;
}
}  // namespace

void add_metrics_commands(CLI::App& root, Shared& s) {
  auto* metrics = root.add_subcommand("metrics", "the per-agent-day figures every report reads");
  metrics->require_subcommand(1);
  auto o = std::make_shared<PeriodOpts>();

  auto* verify = metrics->add_subcommand(
      "verify", "recompute the figures of a period from the records and name every difference (exit 1 when any)");
  verify->add_option("--from", o->from, "first day, YYYY-MM-DD (default: the first of this month)");
  verify->add_option("--to", o->to, "last day, YYYY-MM-DD (default: today)");
  verify->callback([&s, o] {
    s.action = [&s, o] {
      auto app = s.open();
      const calendar::Period p = period_of(*app, *o);
      auto differences = app->db.read([&](soci::session& sql) { return app->days.verify(sql, p); });
      for (const auto& d : differences) {
        std::cout << d.day.str() << " user " << d.user_id << " " << d.metric << ": kept " << d.kept << ", records say "
                  << d.recomputed << "\n";
      }
      std::cout << p.from.str() << " … " << p.to.str() << ": "
                << (differences.empty()
                        ? "every figure agrees with the records"
                        : std::to_string(differences.size()) + " difference(s); `waihu metrics rebuild` repairs them")
                << "\n";
      return differences.empty() ? 0 : 1;
    };
  });

  auto* rebuild = metrics->add_subcommand("rebuild", "rewrite the figures of a period from the records");
  rebuild->add_option("--from", o->from, "first day, YYYY-MM-DD (default: the first of this month)");
  rebuild->add_option("--to", o->to, "last day, YYYY-MM-DD (default: today)");
  rebuild->callback([&s, o] {
    s.action = [&s, o] {
      auto app = s.open();
      const calendar::Period p = period_of(*app, *o);
      long long rows = app->db.write([&](soci::session& sql) { return app->days.rebuild(sql, p); });
      std::cout << "rebuilt " << rows << " agent-days from " << p.from.str() << " to " << p.to.str() << "\n";
      return 0;
    };
  });
}

}  // namespace waihu::cli
