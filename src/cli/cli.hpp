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
void add_customer_commands(CLI::App& root, Shared& s);

int run(int argc, char** argv);

}  // namespace waihu::cli
