// `waihu scenario run FILE.toml [--json]`: a policy, people and dated events run through the server's own services on
// a temporary database; prints what the rules computed (docs/scenario.md).
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.hpp"
#include "kpi/definitions.hpp"
#include "scenario/runner.hpp"

namespace waihu::cli {

namespace {
// The figures people read: each day's non-zero metrics on one line.
void print_days(const nlohmann::json& days, const char* who) {
  for (const auto& d : days) {
    std::cout << "  " << d["date"].get<std::string>() << "  " << d[who].get<std::string>() << ":";
    for (auto m : kpi::kMetricNames) {
      const long long v = d["metrics"][std::string(m)].get<long long>();
      if (v != 0) std::cout << " " << m << "=" << v;
    }
    std::cout << "\n";
  }
}
}  // namespace

void add_scenario_commands(CLI::App& root, Shared& s) {
  auto* scenario = root.add_subcommand("scenario", "try a policy on people and dated events (a temporary database)");
  scenario->require_subcommand(1);
  struct Opts {
    std::string file;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* run = scenario->add_subcommand("run", "run a scenario through the server's services and print the figures");
  run->add_option("file", o->file, "the scenario, TOML")->required();
  run->add_flag("--json", o->json, "print one JSON object (what the golden tests compare)");
  run->callback([&s, o] {
    s.action = [o] {
      std::ifstream in(o->file, std::ios::binary);
      if (!in) {
        std::cerr << o->file << ": cannot read the file\n";
        return 1;
      }
      std::ostringstream text;
      text << in.rdbuf();
      const scenario::ReadResult read = scenario::read_scenario(text.str(), o->file);
      for (const auto& p : read.problems) std::cerr << p.str() << "\n";
      if (!read.scenario) return 1;
      nlohmann::json out;
      try {
        out = scenario::run(*read.scenario);
      } catch (const scenario::RunError& e) {
        std::cerr << e.what() << "\n";
        return 1;
      }
      if (o->json) {
        std::cout << out.dump(1) << "\n";
        return 0;
      }
      std::cout << "policy: " << out["policy"]["name"].get<std::string>() << " (v" << out["policy"]["version"] << ")\n";
      for (const auto& v : out["policies"])
        std::cout << "  v" << v["version"] << " from " << v["from"].get<std::string>() << ": "
                  << v["name"].get<std::string>() << "\n";
      std::cout << "agents by day:\n";
      print_days(out["agent_days"], "user");
      std::cout << "teams by day:\n";
      print_days(out["team_days"], "team");
      return 0;
    };
  });
}

}  // namespace waihu::cli
