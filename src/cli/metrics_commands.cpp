// `waihu metrics verify|rebuild [--from DATE --to DATE]`: the kept per-agent-day figures against the records.
// `waihu metrics sheet --day D [--team T] [--customers] [--xlsx FILE | --out FILE]`: seed 004's daily sheets.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>

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

  struct SheetOpts {
    std::string day, team, xlsx, out, lang = "zh";
    bool customers = false;
  };
  auto so = std::make_shared<SheetOpts>();
  auto* sheet = metrics->add_subcommand(
      "sheet", "seed 004's daily sheets: 电话销售日报表 per agent (default) or 客户记录日报表 (--customers)");
  sheet->add_option("--day", so->day, "the day, YYYY-MM-DD (default: today)");
  sheet->add_option("--team", so->team, "only this team and the teams below it (its name)");
  sheet->add_flag("--customers", so->customers, "the customer sheet: each customer called, with its record");
  sheet->add_option("--xlsx", so->xlsx, "write Excel to this file");
  sheet->add_option("--out", so->out, "write CSV to this file (default: print CSV)");
  sheet->add_option("--lang", so->lang, "headers and labels: zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
  sheet->callback([&s, so] {
    s.action = [&s, so] {
      auto app = s.open();
      reporting::SheetQuery q{app->time.today(), std::nullopt, std::nullopt};
      if (!so->day.empty()) {
        auto d = calendar::LocalDate::parse(so->day);
        if (!d) throw BadRequest::field("day", "must be YYYY-MM-DD");
        q.day = *d;
      }
      if (!so->team.empty()) {
        for (const auto& t : app->org.list_teams())
          if (t.name == so->team) q.team_id = t.id;
        if (!q.team_id) throw NotFound("team.not_found", "no team named '" + so->team + "'");
      }
      const bool xlsx = !so->xlsx.empty();
      const bool to_stdout = !xlsx && so->out.empty();
      // Printing goes through a temporary file: the sheet writer writes files (with the BOM Excel wants).
      const std::string path = xlsx        ? so->xlsx
                               : to_stdout ? app->config.data_dir + "/sheet-" + q.day.str() + ".csv"
                                           : so->out;
      util::SheetTarget target{path, xlsx ? util::SheetFormat::kXlsx : util::SheetFormat::kCsv,
                               util::parse_lang(so->lang).value_or(util::Lang::kZh)};
      const long long rows = so->customers ? app->sheets.export_customers(org::system_actor(), q, target)
                                           : app->sheets.export_sales(org::system_actor(), q, target);
      if (to_stdout) {
        std::ifstream in(path, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::remove(path.c_str());
        if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
        std::cout << text;
      } else {
        std::cout << "wrote " << rows << " rows to " << path << "\n";
      }
      return 0;
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
