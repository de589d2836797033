#pragma once
// The `waihu` command line: one subcommand per job, each with its own --help. Every command takes --data DIR
// (env WAIHU_DATA) and --db URL (env WAIHU_DB).
#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app/app.hpp"
#include "util/import_sheet.hpp"

namespace waihu::cli {

/// What the chosen subcommand does once the command line has been parsed; returns the exit status.
using Action = std::function<int()>;

struct Shared {
  app::Config config;
  Action action;
  /// Opens the store; `require_initialised` refuses a database `init` has not made yet.
  std::unique_ptr<app::App> open(bool require_initialised = true) const;
};

void add_init(CLI::App& root, Shared& s);
void add_serve(CLI::App& root, Shared& s);
void add_org_commands(CLI::App& root, Shared& s);
/// `waihu calendar import|show`.
void add_calendar_commands(CLI::App& root, Shared& s);
/// `waihu policy check|apply|show|diff`.
void add_policy_commands(CLI::App& root, Shared& s);
/// `waihu metrics verify|rebuild|sheet`.
void add_metrics_commands(CLI::App& root, Shared& s);
/// `waihu close day|due`.
void add_close_commands(CLI::App& root, Shared& s);
/// `waihu payroll run --month M`.
void add_payroll_commands(CLI::App& root, Shared& s);
/// `waihu scenario run`.
void add_scenario_commands(CLI::App& root, Shared& s);
/// `import customers`, `export customers`.
void add_customer_commands(CLI::App& import, CLI::App& exp, Shared& s);
/// `import calls`, `export calls`.
void add_call_commands(CLI::App& import, CLI::App& exp, Shared& s);
/// `import deals`.
void add_sales_commands(CLI::App& import, Shared& s);
/// `migrate-store --from URL --to URL [--overwrite]`.
void add_store_commands(CLI::App& root, Shared& s);
/// What every `waihu import …` takes: the file, --partial, --dry-run, --rejects FILE, --json.
struct ImportFlags {
  std::string file, rejects;
  bool partial = false, dry_run = false, json = false;
  /// The file's name as the user knows it, for the audit log.
  std::string label() const;
};
/// An importer's options (crm, calls or sales) with what these flags say already set.
template <class Options>
Options import_options(const ImportFlags& f) {
  Options opt;
  opt.partial = f.partial;
  opt.dry_run = f.dry_run;
  opt.rejects_path = f.rejects;
  opt.file_label = f.label();
  return opt;
}
/// What an import command reports: the JSON report, a one-line text summary, the refused rows.
struct ImportOutcome {
  nlohmann::json json;
  std::string summary;
  util::RejectedRows rejected;
  bool committed = false;
};
/// Adds `import NAME FILE [--partial] [--dry-run] [--rejects FILE] [--json]`; `run` does the import. The report is
/// printed as one JSON object (--json) or as text with each refused line; the exit status is 3 when rows were
/// rejected, 2 when the file could not be imported at all. Returns the subcommand, for its own options.
CLI::App* add_import_command(CLI::App& import, const std::string& name, const std::string& description, Shared& s,
                             std::function<ImportOutcome(app::App&, const ImportFlags&)> run);
/// A file's whole text; nullopt when it cannot be read.
std::optional<std::string> read_file(const std::string& file);
/// Runs `run`; with `json`, a typed error is printed as {"error": …} on stdout (exit 2) instead of thrown.
int json_or_throw(bool json, const std::function<int()>& run);

int run(int argc, char** argv);

}  // namespace waihu::cli
