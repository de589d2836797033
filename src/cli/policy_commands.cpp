// `waihu policy check|apply|show|diff`: policy files read as the server reads them — every problem as
// FILE:LINE:COLUMN: reason, the worked examples run — published from the command line, shown as the rule book,
// and compared.
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/company_policy.hpp"
#include "cli/cli.hpp"
#include "core/errors.hpp"

namespace waihu::cli {

namespace {
void print_book(const policy::RuleBook& book) {
  for (const auto& s : book) {
    std::cout << "\n" << s.title_zh << " / " << s.title_en << "\n";
    for (size_t i = 0; i < s.zh.size(); ++i) std::cout << "  " << s.zh[i] << "\n    " << s.en.at(i) << "\n";
  }
}

// A file, or a stored version as "3" / "v3": its text.
std::string text_of(app::App* app, const std::string& ref) {
  std::string digits = ref.starts_with("v") ? ref.substr(1) : ref;
  if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos && !std::ifstream(ref)) {
    return app->policies.get(org::system_actor(), std::stoll(digits)).text;
  }
  auto text = read_file(ref);
  if (!text) throw BadRequest::field("file", "cannot read " + ref);
  return *text;
}
}  // namespace

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
        auto text = read_file(file);
        if (!text) {
          std::cerr << file << ": cannot read the file\n";
          status = 1;
          continue;
        }
        app::PolicyCheck result = app::check_policy(*text, file);
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

  auto* apply = policy->add_subcommand(
      "apply",
      "check a policy file and publish it as a new version at once (the director's approval is the file's "
      "owner's: the command line acts as the system); every employee is asked to acknowledge it");
  auto apply_file = std::make_shared<std::string>();
  auto note = std::make_shared<std::string>();
  apply->add_option("FILE", *apply_file, "the policy file (.toml)")->required();
  apply->add_option("--note", *note, "what changed, in words everyone reads");
  apply->callback([&s, apply_file, note] {
    s.action = [&s, apply_file, note] {
      auto text = read_file(*apply_file);
      if (!text) throw BadRequest::field("file", "cannot read " + *apply_file);
      app::PolicyCheck result = app::check_policy(*text, *apply_file);
      for (const auto& p : result.problems) std::cerr << p.str() << "\n";
      if (!result.problems.empty()) {
        std::cerr << *apply_file << ": " << result.problems.size() << " problem(s); nothing published\n";
        return 1;
      }
      auto app = s.open();
      auto v = app->policies.apply(org::system_actor(), *text, *note);
      std::cout << "published v" << v.id << " \"" << v.name << "\", in force from " << v.effective_from.str() << "\n";
      return 0;
    };
  });

  auto* show = policy->add_subcommand("show", "the policy in force (today, or --at DATE) as the rule book reads");
  auto at = std::make_shared<std::string>();
  auto show_text = std::make_shared<bool>(false);
  show->add_option("--at", *at, "the day, YYYY-MM-DD (default: today)");
  show->add_flag("--text", *show_text, "print the policy file itself");
  show->callback([&s, at, show_text] {
    s.action = [&s, at, show_text] {
      auto app = s.open();
      calendar::LocalDate day = app->time.today();
      if (!at->empty()) {
        auto parsed = calendar::LocalDate::parse(*at);
        if (!parsed) throw BadRequest::field("at", "must be YYYY-MM-DD");
        day = *parsed;
      }
      auto v = app->policies.in_force(day);
      if (!v) {
        std::cerr << "no policy is in force on " << day.str() << "\n";
        return 1;
      }
      if (*show_text) {
        std::cout << v->text;
        return 0;
      }
      std::cout << "v" << v->id << " \"" << v->name << "\", in force from " << v->effective_from.str()
                << (v->note.empty() ? "" : " — " + v->note) << "\n";
      print_book(app->policies.rule_book(*v));
      return 0;
    };
  });

  auto* diff = policy->add_subcommand("diff", "what changed from A to B (files, or stored versions as 3 or v3)");
  auto a = std::make_shared<std::string>(), b = std::make_shared<std::string>();
  diff->add_option("A", *a, "the older: a file or a version")->required();
  diff->add_option("B", *b, "the newer: a file or a version")->required();
  diff->callback([&s, a, b] {
    s.action = [&s, a, b] {
      auto app = s.open();
      const std::string before = text_of(app.get(), *a), after = text_of(app.get(), *b);
      auto book = [&](const std::string& text, const std::string& name) {
        app::PolicyCheck c = app::check_policy(text, name);
        for (const auto& p : c.problems) std::cerr << p.str() << "\n";
        return c.policy ? c.policy->rule_book() : policy::RuleBook{};
      };
      policy::VersionDiff d = policy::diff(before, book(before, *a), after, book(after, *b));
      bool any = false;
      for (const auto& sec : d.rules) {
        if (!sec.changed()) continue;
        any = true;
        std::cout << sec.title_zh << " / " << sec.title_en << "\n";
        for (size_t i = 0; i < sec.zh.size(); ++i)
          if (sec.zh[i].op != ' ') std::cout << "  " << sec.zh[i].op << " " << sec.zh[i].text << "\n";
        for (const auto& l : sec.en)
          if (l.op != ' ') std::cout << "  " << l.op << " " << l.text << "\n";
      }
      std::cout << (any ? "\n" : "the rules read the same\n") << "--- " << *a << "\n+++ " << *b << "\n";
      for (const auto& l : d.text)
        if (l.op != ' ') std::cout << l.op << l.text << "\n";
      return 0;
    };
  });
}

}  // namespace waihu::cli
