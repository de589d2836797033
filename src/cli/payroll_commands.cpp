// `waihu payroll run --month YYYY-MM [--json] [--xlsx FILE]`: computes the month's statements under the pay plans in
// force (a draft, recomputed on each run; refused once the month is closed) and prints each person's gross and net, or
// with
// --json every statement with its lines. `waihu payroll close --month YYYY-MM`: closes a run month for good.
// `waihu payroll whatif --month YYYY-MM --policy FILE [--json]`: the month under a draft policy beside the month as
// it stands, per person and per line, touching nothing.
#include <iostream>

#include "cli/cli.hpp"
#include "core/errors.hpp"
#include "pay/routes.hpp"
#include "pay/rules.hpp"

namespace waihu::cli {

void add_payroll_commands(CLI::App& root, Shared& s) {
  auto* payroll = root.add_subcommand("payroll", "pay: compute a month's statements under the policy's [pay] plans");
  payroll->require_subcommand(1);
  struct Opts {
    std::string month;
    bool json = false;
    std::string xlsx;
  };
  auto o = std::make_shared<Opts>();
  auto* run = payroll->add_subcommand("run", "compute (or recompute) a month's draft statements");
  run->add_option("--month", o->month, "the month, YYYY-MM")->required();
  run->add_flag("--json", o->json, "print every statement with its lines as JSON");
  run->add_option("--xlsx", o->xlsx, "also write every statement line to this .xlsx file (for finance)");
  run->callback([&s, o] {
    s.action = [&s, o] {
      auto app = s.open();
      const auto m = calendar::Month::parse(o->month);
      if (!m) throw BadRequest::field("month", "must be YYYY-MM");
      const pay::RunReport r = app->payroll.run(nullptr, *m);
      const org::Actor all = org::system_actor();
      nlohmann::json out = nlohmann::json::array();
      std::string cursor;
      do {
        auto page = app->payroll.statements(all, *m, cursor, kMaxPageSize);
        for (const auto& v : page.items) {
          if (!o->json) {
            std::cout << v.name << " (" << v.s.role << ", " << v.team_name << "): gross " << pay::yuan(v.s.gross_fen)
                      << ", net " << pay::yuan(v.s.net_fen) << "\n";
            continue;
          }
          const pay::StatementView full = app->payroll.statement(all, v.s.id);
          nlohmann::json lines = nlohmann::json::array();
          for (const auto& l : full.s.lines)
            lines.push_back({{"code", l.line.code},
                             {"amount_fen", l.line.amount_fen},
                             {"rule", l.line.rule},
                             {"explanation", l.line.explanation},
                             {"sources", nlohmann::json::parse(l.sources, nullptr, false)}});
          out.push_back({{"user_id", v.s.user_id},
                         {"name", v.name},
                         {"role", v.s.role},
                         {"month", v.s.month},
                         {"policy_version", v.s.policy_version},
                         {"lines", lines},
                         {"gross_fen", v.s.gross_fen},
                         {"deductions_fen", v.s.deductions_fen},
                         {"net_fen", v.s.net_fen}});
        }
        cursor = page.next_cursor.value_or("");
      } while (!cursor.empty());
      if (!o->xlsx.empty()) {
        const long long rows = app->payroll.export_month(nullptr, *m, true, {{"month", m->str()}, {"view", "lines"}},
                                                         {o->xlsx, util::SheetFormat::kXlsx, util::Lang::kZh});
        (o->json ? std::cerr : std::cout) << o->xlsx << ": " << rows << " lines\n";
      }
      if (o->json)
        std::cout << nlohmann::json{{"month", m->str()}, {"statements", out}}.dump(1) << "\n";
      else
        std::cout << m->str() << ": " << r.statements << " statements (draft), gross " << pay::yuan(r.gross_fen)
                  << ", net " << pay::yuan(r.net_fen) << ", policy v" << r.policy_version << "\n";
      return 0;
    };
  });
  auto closing = std::make_shared<std::string>();
  auto* close = payroll->add_subcommand("close", "close a run month for good: its statements never change again");
  close->add_option("--month", *closing, "the month, YYYY-MM")->required();
  close->callback([&s, closing] {
    s.action = [&s, closing] {
      auto app = s.open();
      const auto m = calendar::Month::parse(*closing);
      if (!m) throw BadRequest::field("month", "must be YYYY-MM");
      app->payroll.close(nullptr, *m);
      std::cout << m->str() << ": closed\n";
      return 0;
    };
  });
  struct WhatIfOpts {
    std::string month, policy;
    bool json = false;
  };
  auto w = std::make_shared<WhatIfOpts>();
  auto* whatif = payroll->add_subcommand("whatif", "a month under a draft policy beside the month as it stands");
  whatif->add_option("--month", w->month, "the month, YYYY-MM")->required();
  whatif->add_option("--policy", w->policy, "the draft policy file (TOML)")->required();
  whatif->add_flag("--json", w->json, "print the comparison as JSON");
  whatif->callback([&s, w] {
    s.action = [&s, w] {
      return json_or_throw(w->json, [&] {
        const auto m = calendar::Month::parse(w->month);
        if (!m) throw BadRequest::field("month", "must be YYYY-MM");
        const auto text = read_file(w->policy);
        if (!text) throw BadRequest::field("policy", "cannot read " + w->policy);
        auto app = s.open();
        const org::Actor all = org::system_actor();
        const pay::WhatIf r =
            app->payroll.whatif(nullptr, *m, [&] { return app->draft_pay_rules(all, std::nullopt, *text, *m); });
        if (w->json) {
          std::cout << pay::whatif_json(r).dump(1) << "\n";
          return 0;
        }
        long long changed = 0;
        for (const auto& p : r.people) {
          if (p.before_net_fen == p.after_net_fen && p.lines.empty()) continue;
          ++changed;
          std::cout << p.name << " (" << p.role << ", " << p.team_name << "): net " << pay::yuan(p.before_net_fen)
                    << " → " << pay::yuan(p.after_net_fen) << " (" << (p.after_net_fen >= p.before_net_fen ? "+" : "")
                    << pay::yuan(p.after_net_fen - p.before_net_fen) << ")\n";
          for (const auto& l : p.lines)
            std::cout << "  " << l.code << " " << l.rule << ": " << pay::yuan(l.before_fen) << " → "
                      << pay::yuan(l.after_fen) << "\n";
        }
        std::cout << m->str() << " under the draft, against "
                  << (r.against == "statements" ? "the month's statements" : "the plans in force") << " (v"
                  << r.before_version << "): " << changed << " of " << r.people.size() << " people change; net "
                  << pay::yuan(r.before_net_fen) << " → " << pay::yuan(r.after_net_fen) << "\n";
        return 0;
      });
    };
  });
}

}  // namespace waihu::cli
