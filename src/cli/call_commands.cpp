// `waihu import calls …` (CDRs from the phone system) and `waihu export calls …`.
#include <filesystem>
#include <iostream>

#include "calls/cdr_importer.hpp"
#include "calls/json.hpp"
#include "cli/cli.hpp"
#include "core/errors.hpp"
#include "util/clock.hpp"

namespace waihu::cli {

namespace {

void add_import_calls(CLI::App& import, Shared& s) {
  struct CdrOpts {
    std::string format, tz = "Asia/Shanghai", strip_prefix;
  };
  auto o = std::make_shared<CdrOpts>();
  auto* cmd = add_import_command(
      import, "calls", "import call detail records: Asterisk Master.csv or the CSV layout of docs/cdr-import.md", s,
      [o](app::App& app, const ImportFlags& f) {
        auto opt = import_options<calls::CdrImportOptions>(f);
        opt.format = *calls::parse_cdr_format(o->format);
        opt.time_zone = o->tz;
        opt.strip_prefixes = calls::parse_prefix_list(o->strip_prefix);
        calls::CdrImportReport r = app.cdr_importer.run(org::system_actor(), f.file, opt);
        std::string summary = "encoding " + r.encoding + "; read " + std::to_string(r.read) + ", imported " +
                              std::to_string(r.imported) + ", duplicates " + std::to_string(r.duplicates) +
                              ", no customer " + std::to_string(r.no_customer) + ", rejected " +
                              std::to_string(r.rejected.count);
        return ImportOutcome{calls::to_json(r), summary, r.rejected, r.committed};
      });
  cmd->add_option("--format", o->format, "asterisk (Master.csv, no header) or csv (Waihu's layout, with a header)")
      ->required()
      ->check(CLI::IsMember({"asterisk", "csv"}));
  cmd->add_option("--tz", o->tz, "the phone server's time zone, for times written without one (default Asia/Shanghai)");
  cmd->add_option("--strip-prefix", o->strip_prefix,
                  "outbound prefix(es) to remove from dialled numbers, e.g. 9 or 9,0");
}

void add_export_calls(CLI::App& exp, Shared& s) {
  auto* cmd = exp.add_subcommand("calls", "export calls of a date range (days in China time) to CSV or .xlsx");
  struct Opts {
    std::string from, to, xlsx, out, agent, lang = "zh";
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--from", o->from, "first day, YYYY-MM-DD")->required();
  cmd->add_option("--to", o->to, "last day, YYYY-MM-DD (inclusive)")->required();
  cmd->add_option("--xlsx", o->xlsx, "write Excel to this file");
  cmd->add_option("--out", o->out, "write CSV to this file (default calls-FROM-TO.csv)");
  cmd->add_option("--agent", o->agent, "only this agent's calls (username)");
  cmd->add_option("--lang", o->lang, "headers and labels: zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
  cmd->callback([&s, o] {
    s.action = [&s, o] {
      auto from = calendar::LocalDate::parse(o->from);
      auto to = calendar::LocalDate::parse(o->to);
      if (!from) throw BadRequest::field("from", "must be YYYY-MM-DD");
      if (!to || *to < *from) throw BadRequest::field("to", "must be YYYY-MM-DD, not before --from");
      auto app = s.open();
      // The company's days, midnight to midnight in its zone.
      const calendar::Bounds days = app->time.bounds(calendar::Period{*from, *to});
      calls::CallFilter f;
      f.from = days.from;
      f.to = days.to;
      nlohmann::json described{{"from", o->from}, {"to", o->to}};
      if (!o->agent.empty()) {
        auto u = app->org.find_user(o->agent);
        if (!u) throw NotFound("user.not_found", "no user named '" + o->agent + "'");
        f.agent_id = u->id;
        described["agent"] = o->agent;
      }
      bool xlsx = !o->xlsx.empty();
      std::string out = xlsx ? o->xlsx : !o->out.empty() ? o->out : "calls-" + o->from + "-" + o->to + ".csv";
      util::SheetTarget target{out, xlsx ? util::SheetFormat::kXlsx : util::SheetFormat::kCsv,
                               util::parse_lang(o->lang).value_or(util::Lang::kZh)};
      long long rows = app->calls.export_calls(org::system_actor(), f, described, target);
      std::cout << "exported " << rows << " calls to " << out << "\n";
      return 0;
    };
  });
}

}  // namespace

void add_call_commands(CLI::App& import, CLI::App& exp, Shared& s) {
  add_import_calls(import, s);
  add_export_calls(exp, s);
}

}  // namespace waihu::cli
