// `waihu scenario run FILE.toml [--json]`: a policy, people and dated events run through the server's own services on
// a temporary database; prints what the rules computed (docs/scenario.md).
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

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
std::string str(const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// Quota results as "talk_minutes 2/3".
std::string results(const nlohmann::json& rs) {
  std::string out;
  for (const auto& r : rs)
    out += (out.empty() ? "" : ", ") + str(r["metric"]) + " " + str(r["actual"]) + "/" + str(r["target"]);
  return out;
}

// What the discipline rules made of the days: shortfalls, fines, points, staying late, Sundays, meetings and 撞单
// cases — each section only when the scenario has some.
void print_discipline(const nlohmann::json& out) {
  auto section = [&](const char* key, const char* title, auto line) {
    if (!out.contains(key)) return;
    std::vector<std::string> lines;
    for (const auto& r : out[key])
      if (std::string l = line(r); !l.empty()) lines.push_back(std::move(l));
    if (lines.empty()) return;
    std::cout << title << ":\n";
    for (const auto& l : lines) std::cout << "  " << l << "\n";
  };
  section("quota_days", "quota days short", [](const nlohmann::json& r) {
    bool short_any = false;
    for (const auto& q : r["results"]) short_any = short_any || q["short"].get<long long>() > 0;
    return short_any ? str(r["date"]) + "  " + str(r["user"]) + ": " + results(r["results"]) : std::string();
  });
  section("fines", "fines", [](const nlohmann::json& r) {
    return str(r["date"]) + "  " + str(r["user"]) + ": " + str(r["rule"]) + " " + str(r["amount_fen"]) + " fen";
  });
  section("points_months", "points by month", [](const nlohmann::json& r) {
    return str(r["month"]) + "  " + str(r["user"]) + ": " + str(r["start"]) + " → " + str(r["end"]) + " (bonus " +
           str(r["bonus_fen"]) + ", penalty " + str(r["penalty_fen"]) + " fen)";
  });
  section("stay_late", "stay late", [](const nlohmann::json& r) {
    std::string line = str(r["date"]) + "  " + str(r["user"]) + ": at the count " + results(r["at_check"]);
    if (r.contains("after"))
      line += "; after the extension " + results(r["after"]) +
              (r["still_short"].get<bool>() ? " (still short" : " (made") +
              (r["sunday_overtime"].get<bool>() ? ", Sunday overtime)" : ")");
    return line;
  });
  section("sunday_overtime", "Sunday overtime", [](const nlohmann::json& r) {
    return str(r["sunday"]) + "  " + str(r["user"]) + ": " + str(r["sessions"]) + "× for " + r["days"].dump();
  });
  section("meetings", "meetings", [](const nlohmann::json& r) {
    std::string line = str(r["date"]) + "  " + str(r["kind"]) + " (" + str(r["team"]) + "):";
    for (const auto& a : r["attendance"])
      if (str(a["status"]) != "present")
        line += " " + str(a["user"]) + "=" + str(a["status"]) + (a["ledger"].get<bool>() ? "*" : "");
    return line;
  });
  section("duplicate_claims", "duplicate claims", [](const nlohmann::json& r) {
    return str(r["customer"]) + ": " + str(r["claimant"]) + " vs " + str(r["holder"]) + ", " + str(r["status"]) +
           " at " + str(r["stage"]) + ", kept by " + str(r["keeper"]);
  });
}

// Each statement as its total and its lines: "2026-10  a1 (regular → regular): net 1,234.56 = gross … − …".
void print_statements(const nlohmann::json& out) {
  if (!out.contains("statements")) return;
  auto yuan = [](long long fen) {
    const std::string sign = fen < 0 ? "-" : "";
    fen = fen < 0 ? -fen : fen;
    const std::string cents = std::to_string(100 + fen % 100).substr(1);
    return sign + std::to_string(fen / 100) + "." + cents;
  };
  std::cout << "pay statements:\n";
  for (const auto& r : out["statements"]) {
    std::cout << "  " << str(r["month"]) << "  " << str(r["user"]) << " (" << str(r["status"]) << " → "
              << str(r["status_next_month"]) << "): net " << yuan(r["net_fen"]) << " = gross " << yuan(r["gross_fen"])
              << " − deductions " << yuan(r["deductions_fen"]) << "\n";
    for (const auto& l : r["lines"])
      std::cout << "      " << str(l["code"]) << " " << yuan(l["amount_fen"]) << "  " << str(l["rule"]) << "\n";
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
      print_discipline(out);
      print_statements(out);
      return 0;
    };
  });
}

}  // namespace waihu::cli
