// `waihu import deals …`: deals and payments from a sheet.
#include "cli/cli.hpp"
#include "sales/deal_importer.hpp"

namespace waihu::cli {

void add_sales_commands(CLI::App& import, Shared& s) {
  add_import_command(
      import, "deals", "import deals and payments (成交、回款) from CSV: the layout of docs/deal-import.md", s,
      [](app::App& app, const ImportFlags& f) {
        auto opt = import_options<sales::DealImportOptions>(f);
        sales::DealImportReport r = app.deal_importer.run(org::system_actor(), f.file, opt);
        std::string summary = "encoding " + r.encoding + "; read " + std::to_string(r.read) + ", deals created " +
                              std::to_string(r.deals_created) + ", payments created " +
                              std::to_string(r.payments_created) + ", duplicates " + std::to_string(r.duplicates) +
                              ", rejected " + std::to_string(r.rejected.count);
        return ImportOutcome{sales::to_json(r), summary, r.rejected, r.committed};
      });
}

}  // namespace waihu::cli
