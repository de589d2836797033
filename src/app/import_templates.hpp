#pragma once
// Template files for each import kind: the header row the importer reads, in the language asked, and one example
// row to overwrite. Served as CSV or .xlsx at GET /api/v1/imports/templates/{kind}.
#include <optional>
#include <string_view>
#include <vector>

#include "http/router.hpp"
#include "util/lang.hpp"
#include "util/sheet_writer.hpp"

namespace waihu::app {

struct ImportTemplate {
  std::string_view kind;  ///< "customers" | "calls" | "deals"
  util::Label file_name;
  std::vector<util::Label> headers;
  std::vector<util::Label> example;
};

/// The template of an import kind; nullopt for an unknown one.
std::optional<ImportTemplate> import_template(std::string_view kind);
/// Writes the template (headers and example row) in the target's language.
void write_template(const ImportTemplate& t, const util::SheetTarget& target);

void register_template_routes(http::Router& router, const std::string& data_dir);

}  // namespace waihu::app
