#include "cli/cli.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/errors.hpp"

namespace waihu::cli {

std::unique_ptr<app::App> Shared::open(bool require_initialised) const {
  auto a = std::make_unique<app::App>(config);
  int have = a->db.schema_version();
  if (require_initialised && have == 0) {
    throw std::runtime_error("the database " + a->db.url().display + " is not initialised: run `waihu init` first");
  }
  a->db.migrate();  // brings an older database up to date; refuses one newer than this binary
  if (have > 0) a->ensure_policy();
  a->in_force.reload();
  // A database from before the newest metric: count it for the last year (what the migration could not).
  if (have > 0 && have < app::App::kNewestMetricSchema) a->recount_since(a->time.today().plus_days(-366));
  return a;
}

std::string ImportFlags::label() const { return std::filesystem::path(file).filename().string(); }

CLI::App* add_import_command(CLI::App& import, const std::string& name, const std::string& description, Shared& s,
                             std::function<ImportOutcome(app::App&, const ImportFlags&)> run) {
  auto* cmd = import.add_subcommand(name, description);
  auto f = std::make_shared<ImportFlags>();
  cmd->add_option("FILE", f->file, "the file (CSV in UTF-8, GBK/GB18030 or UTF-16)")->required();
  cmd->add_flag("--partial", f->partial, "import the good rows even if some are rejected");
  cmd->add_flag("--dry-run", f->dry_run, "check everything, write nothing");
  cmd->add_option("--rejects", f->rejects, "write the rows not imported, with line and reason, to this CSV");
  cmd->add_flag("--json", f->json, "print exactly one JSON object on stdout");
  cmd->callback([&s, f, run] {
    s.action = [&s, f, run] {
      return json_or_throw(f->json, [&] {
        auto app = s.open();
        ImportOutcome r = run(*app, *f);
        if (f->json) {
          std::cout << r.json.dump() << "\n";
          return r.rejected.count > 0 ? 3 : 0;
        }
        std::cout << r.summary << "\n";
        for (const auto& e : r.rejected.errors) {
          std::cout << "line " << e.line << (e.column.empty() ? "" : " [" + e.column + "]") << ": " << e.reason << "\n";
        }
        if (r.rejected.truncated) std::cout << "(more errors not shown)\n";
        if (f->dry_run) std::cout << "dry run: nothing written\n";
        if (!r.committed && !f->dry_run) std::cout << "nothing imported: fix the lines above or use --partial\n";
        return r.rejected.count > 0 ? 3 : 0;
      });
    };
  });
  return cmd;
}

std::optional<std::string> read_file(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int json_or_throw(bool json, const std::function<int()>& run) {
  try {
    return run();
  } catch (const Error& e) {
    if (!json) throw;
    std::cout << nlohmann::json{{"error", {{"code", e.code()}, {"message", e.what()}, {"details", e.details()}}}}.dump()
              << "\n";
    return 2;
  }
}

int run(int argc, char** argv) {
  spdlog::set_default_logger(spdlog::stderr_color_mt("waihu"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);

  CLI::App root{"Waihu 外呼 — the operations platform for telesales teams", "waihu"};
  root.require_subcommand(1);
  root.set_version_flag("--version", "waihu 0.1.0");
  Shared s;
  root.add_option("--data", s.config.data_dir, "data directory: the SQLite file and uploaded files")
      ->envname("WAIHU_DATA")
      ->capture_default_str();
  root.add_option("--db", s.config.db_url, "store: sqlite:PATH or postgresql://… (default sqlite:DATA/waihu.db)")
      ->envname("WAIHU_DB");
  add_init(root, s);
  add_serve(root, s);
  add_org_commands(root, s);
  add_calendar_commands(root, s);
  add_policy_commands(root, s);
  add_metrics_commands(root, s);
  add_close_commands(root, s);
  add_payroll_commands(root, s);
  add_scenario_commands(root, s);
  auto* import = root.add_subcommand("import", "import records from files");
  import->require_subcommand(1);
  auto* exp = root.add_subcommand("export", "export records to CSV or Excel");
  exp->require_subcommand(1);
  add_customer_commands(*import, *exp, s);
  add_call_commands(*import, *exp, s);
  add_sales_commands(*import, s);
  add_store_commands(root, s);
  for (auto* sub : root.get_subcommands({})) {
    sub->fallthrough();
    for (auto* leaf : sub->get_subcommands({})) leaf->fallthrough();
  }
  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return root.exit(e);
  }
  try {
    return s.action ? s.action() : 0;
  } catch (const Error& e) {
    std::cerr << "error: " << e.what() << "\n";
    if (!e.details().empty()) std::cerr << "details: " << e.details().dump() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace waihu::cli
