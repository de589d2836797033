// `waihu policy check FILE…`: a policy file read as the server would read it — every problem as
// FILE:LINE:COLUMN: reason, the worked examples run — with a non-zero exit when anything is wrong.
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/company_policy.hpp"
#include "cli/cli.hpp"

namespace waihu::cli {

void add_policy_commands(CLI::App& root, Shared& s) {
  auto* policy = root.add_subcommand("policy", "company policies (制度) as TOML files: check them");
  policy->require_subcommand(1);

  auto* check = policy->add_subcommand(
      "check", "read policy files as the server would, run their [[example]]s; exit 1 when any has a problem");
  auto files = std::make_shared<std::vector<std::string>>();
  check->add_option("FILE", *files, "policy files (.toml)")->required();
  check->callback([&s, files] {
    s.action = [files] {
      int status = 0;
      for (const auto& file : *files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
          std::cerr << file << ": cannot read the file\n";
          status = 1;
          continue;
        }
        std::stringstream text;
        text << in.rdbuf();
        app::PolicyCheck result = app::check_policy(text.str(), file);
        for (const auto& p : result.problems) std::cerr << p.str() << "\n";
        if (!result.problems.empty()) {
          std::cerr << file << ": " << result.problems.size() << " problem(s)\n";
          status = 1;
          continue;
        }
        std::cout << file << ": ok — \"" << result.policy->header.name << "\" from "
                  << result.policy->header.effective_from.str() << ", " << result.examples << " example(s) pass\n";
      }
      return status;
    };
  });
}

}  // namespace waihu::cli
