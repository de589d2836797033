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

/// Runs `run(upload_path, rejects_path)` on the saved body. Files in DATA/uploads older than a week are removed
/// first, so rejects files stay downloadable for a week. 400 `import.empty` for an empty body; 200 with the
/// report, or 422 when `refused`; `rejects_url` in the report when `has_rejects`.
Response import_upload(const std::string& data_dir, const Context& c,
                       const std::function<ImportOutcome(const std::string& upload, const std::string& rejects)>& run);

/// GET /api/v1/imports/rejects/{name}: the rejects CSV of one of the caller's own uploads.
void register_upload_routes(Router& router, const std::string& data_dir);

}  // namespace waihu::http
