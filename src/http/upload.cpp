#include "http/upload.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>

#include "core/errors.hpp"
#include "org/credentials.hpp"

namespace waihu::http {

namespace {
std::filesystem::path uploads_dir(const std::string& data_dir) { return std::filesystem::path(data_dir) / "uploads"; }

// Rejects files are kept for the user to download, for a week; older ones (and uploads left by a crash) go.
void remove_old_files(const std::filesystem::path& dir) {
  std::error_code ec;
  const auto cutoff = std::filesystem::file_time_type::clock::now() - std::chrono::hours(24 * 7);
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec) && entry.last_write_time(ec) < cutoff) std::filesystem::remove(entry.path(), ec);
  }
}
}  // namespace

Response import_upload(const std::string& data_dir, const Context& c,
                       const std::function<ImportOutcome(const std::string& upload, const std::string& rejects)>& run) {
  if (c.request.body.empty()) throw BadRequest("import.empty", "文件为空 / the file is empty", {{"field", "body"}});
  auto dir = uploads_dir(data_dir);
  std::filesystem::create_directories(dir);
  remove_old_files(dir);
  // The caller's id first: the rejects route serves a file only to the user who uploaded it.
  std::string name = std::to_string(c.actor().user_id) + "-" + org::new_session_token().substr(0, 24);
  auto upload = dir / (name + ".csv");
  auto rejects = dir / (name + "-rejects.csv");
  {
    std::ofstream out(upload, std::ios::binary);
    out.write(c.request.body.data(), static_cast<std::streamsize>(c.request.body.size()));
    if (!out) throw std::runtime_error("cannot save the upload in " + dir.string());
  }
  ImportOutcome outcome;
  try {
    outcome = run(upload.string(), rejects.string());
  } catch (...) {
    std::filesystem::remove(upload);
    std::filesystem::remove(rejects);
    throw;
  }
  std::filesystem::remove(upload);
  if (outcome.has_rejects) {
    outcome.report["rejects_url"] = "/api/v1/imports/rejects/" + name;
  } else {
    std::filesystem::remove(rejects);
  }
  return Response::json(outcome.report, outcome.refused ? 422 : 200);
}

void register_upload_routes(Router& router, const std::string& data_dir) {
  router.add("GET", "/api/v1/imports/rejects/{name}", [data_dir](Context& c) {
    const std::string& name = c.param("name");
    bool well_formed = name.find_first_not_of("0123456789abcdef-") == std::string::npos;
    if (!well_formed || !name.starts_with(std::to_string(c.actor().user_id) + "-")) {
      throw NotFound("import.rejects_not_found", "没有这个文件 / no such file");
    }
    auto path = uploads_dir(data_dir) / (name + "-rejects.csv");
    if (!std::filesystem::exists(path)) throw NotFound("import.rejects_not_found", "没有这个文件 / no such file");
    Response r;
    r.content_type = "text/csv; charset=utf-8";
    r.file_path = path.string();
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"rejects.csv\"");
    return r;
  });
}

}  // namespace waihu::http
