// `waihu migrate-store`: moves a site's data between stores (SQLite → PostgreSQL when the floor grows) and shows,
// table by table, that the target holds exactly what the source did.
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "cli/cli.hpp"
#include "db/store_copy.hpp"

namespace waihu::cli {

void add_store_commands(CLI::App& root, Shared& s) {
  struct Options {
    std::string from, to;
    bool overwrite = false, json = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = root.add_subcommand(
      "migrate-store", "copy all data from one store to another and verify it (row counts and a checksum per table)");
  cmd->add_option("--from", o->from, "the store to copy: sqlite:PATH or postgresql://…")->required();
  cmd->add_option("--to", o->to, "the store to fill (migrated first): postgresql://… or sqlite:PATH")->required();
  cmd->add_flag("--overwrite", o->overwrite, "replace what the target holds (refused without it when not empty)");
  cmd->add_flag("--json", o->json, "print the per-table report as one JSON object");
  cmd->callback([&s, o] {
    s.action = [&s, o] {
      auto from_url = db::parse_db_url(o->from, s.config.data_dir);
      auto to_url = db::parse_db_url(o->to, s.config.data_dir);
      if (from_url.connect == to_url.connect) throw std::runtime_error("--from and --to name the same store");
      // Opening a SQLite file that is not there would create an empty one: a mistyped path is refused instead.
      if (from_url.dialect == db::Dialect::kSqlite && !std::filesystem::exists(from_url.sqlite_path)) {
        throw std::runtime_error("the source " + from_url.display + " does not exist");
      }
      db::Database from(from_url, 1), to(to_url, 1);
      db::StoreCopyOptions options{.overwrite = o->overwrite, .on_table = [&](const db::TableCopy& t) {
                                     if (o->json) return;
                                     std::cout
                                         << std::left << std::setw(18) << t.table << std::right << std::setw(10)
                                         << t.target.rows << " rows  " << t.target.checksum
                                         << (t.matches() ? "  ok"
                                                         : "  MISMATCH (source: " + std::to_string(t.source.rows) +
                                                               " rows, " + t.source.checksum + ")")
                                         << "\n";
                                   }};
      auto copied = db::copy_store(from, to, options);
      bool all_match = std::all_of(copied.begin(), copied.end(), [](const auto& t) { return t.matches(); });
      if (o->json) {
        nlohmann::json tables = nlohmann::json::array();
        for (const auto& t : copied) {
          tables.push_back({{"table", t.table},
                            {"source_rows", t.source.rows},
                            {"target_rows", t.target.rows},
                            {"source_checksum", t.source.checksum},
                            {"target_checksum", t.target.checksum},
                            {"matches", t.matches()}});
        }
        std::cout << nlohmann::json{{"from", from_url.display},
                                    {"to", to_url.display},
                                    {"verified", all_match},
                                    {"tables", tables}}
                         .dump()
                  << "\n";
      } else {
        std::cout << (all_match ? "copied and verified: " : "COPY DOES NOT MATCH: ") << from_url.display << " → "
                  << to_url.display << "\n";
      }
      return all_match ? 0 : 1;
    };
  });
}

}  // namespace waihu::cli
