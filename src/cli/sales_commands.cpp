// `waihu import deals …`: deals and payments from a sheet.
#include <filesystem>
#include <iostream>

#include "cli/cli.hpp"
#include "sales/deal_importer.hpp"

namespace waihu::cli {

void add_sales_commands(CLI::App& import, Shared& s) {
  auto* cmd = import.add_subcommand(
      "deals", "import deals and payments (成交、回款) from CSV: the layout of docs/deal-import.md");
  struct Opts {
    std::string file, rejects;
    bool partial = false, dry_run = false, json = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("FILE", o->file, "the CSV file (UTF-8, GBK/GB18030, UTF-16)")->required();
  cmd->add_flag("--partial", o->partial, "import the good rows even if some are rejected");
  cmd->add_flag("--dry-run", o->dry_run, "check everything, write nothing");
  cmd->add_option("--rejects", o->rejects, "write rejected rows with line and reason to this CSV");
  cmd->add_flag("--json", o->json, "print exactly one JSON object on stdout");
  cmd->callback([&s, o] {
    s.action = [&s, o] {
      return json_or_throw(o->json, [&] {
        sales::DealImportOptions opt;
        opt.partial = o->partial;
        opt.dry_run = o->dry_run;
        opt.rejects_path = o->rejects;
        opt.file_label = std::filesystem::path(o->file).filename().string();
        auto app = s.open();
        sales::DealImportReport r = app->deal_importer.run(org::system_actor(), o->file, opt);
        if (o->json) {
          std::cout << sales::to_json(r).dump() << "\n";
        } else {
          std::cout << "encoding " << r.encoding << "; read " << r.read << ", deals created " << r.deals_created
                    << ", payments created " << r.payments_created << ", duplicates " << r.duplicates << ", rejected "
                    << r.rejected << "\n";
          for (const auto& e : r.errors) {
            std::cout << "line " << e.line << (e.column.empty() ? "" : " [" + e.column + "]") << ": " << e.reason
                      << "\n";
          }
          if (r.errors_truncated) std::cout << "(more errors not shown)\n";
          if (o->dry_run) std::cout << "dry run: nothing written\n";
          if (!r.committed && !o->dry_run) std::cout << "nothing imported: fix the lines above or use --partial\n";
        }
        return r.rejected > 0 ? 3 : 0;
      });
    };
  });
}

}  // namespace waihu::cli
