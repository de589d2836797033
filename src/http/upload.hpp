#pragma once
// File imports over HTTP: the request body is saved under DATA/uploads, the import runs on it, the upload is
// removed, and the report is answered with a link to the rejected rows when there are any. One place for the
// upload's life, the status codes and the rejects download, shared by customers, calls and deals.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "http/message.hpp"
#include "http/router.hpp"

namespace waihu::http {

struct ImportOutcome {
  nlohmann::json report;
  bool has_rejects = false;  ///< the rejects file holds rows to fix
  bool refused = false;      ///< rows were rejected and nothing was committed (answered 422)
};

/// An importer's options (crm, calls or sales) with what every import upload's query says already set:
/// `partial`, `dry_run`, and `filename` (the file's name for the audit log). The rejects path comes with `run`.
template <class Options>
Options import_options(const Context& c) {
  Options opt;
  opt.partial = c.query_bool("partial").value_or(false);
  opt.dry_run = c.query_bool("dry_run").value_or(false);
  opt.file_label = c.query("filename").value_or("upload");
  return opt;
}

/// Runs `run(upload_path, rejects_path)` on the saved body. Files in DATA/uploads older than a week are removed
/// first, so rejects files stay downloadable for a week. 400 `import.empty` for an empty body; 200 with the
/// report, or 422 when `refused`; `rejects_url` in the report when `has_rejects`.
Response import_upload(const std::string& data_dir, const Context& c,
                       const std::function<ImportOutcome(const std::string& upload, const std::string& rejects)>& run);

/// GET /api/v1/imports/rejects/{name}: the rejects CSV of one of the caller's own uploads.
void register_upload_routes(Router& router, const std::string& data_dir);

}  // namespace waihu::http
