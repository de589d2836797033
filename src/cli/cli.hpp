#pragma once
// The `waihu` command line: one subcommand per job, each with its own --help. Every command takes --data DIR
// (env WAIHU_DATA) and --db URL (env WAIHU_DB).
#include <CLI/CLI.hpp>
#include <functional>
#include <memory>

#include "app/app.hpp"

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
/// `import customers`, `export customers`.
void add_customer_commands(CLI::App& import, CLI::App& exp, Shared& s);
/// `import calls`, `export calls`.
void add_call_commands(CLI::App& import, CLI::App& exp, Shared& s);
/// `import deals`.
void add_sales_commands(CLI::App& import, Shared& s);
/// Runs `run`; with `json`, a typed error is printed as {"error": …} on stdout (exit 2) instead of thrown.
int json_or_throw(bool json, const std::function<int()>& run);

int run(int argc, char** argv);

}  // namespace waihu::cli
