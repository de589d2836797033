#include "http/download.hpp"

#include <filesystem>
#include <random>

#include "core/errors.hpp"
#include "util/clock.hpp"

namespace waihu::http {

util::SheetFormat sheet_format(const Context& c) {
  std::string format = c.query("format").value_or("csv");
  if (format == "csv") return util::SheetFormat::kCsv;
  if (format == "xlsx") return util::SheetFormat::kXlsx;
  throw BadRequest::field("format", "应为 csv 或 xlsx / must be csv or xlsx");
}

nlohmann::json query_json(const Context& c) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : c.request.query) j[k] = v;
  return j;
}

Response sheet_download(const std::string& data_dir, const Context& c, const std::string& name,
                        const std::function<void(const std::string& path, util::SheetFormat format)>& write) {
  util::SheetFormat format = sheet_format(c);
  const std::string ext = util::sheet_format_name(format);
  auto dir = std::filesystem::path(data_dir) / "exports";
  std::filesystem::create_directories(dir);
  std::random_device rd;
  auto path = dir / (std::to_string(c.actor().user_id) + "-" + std::to_string(rd()) + std::to_string(rd()) + "." + ext);
  try {
    write(path.string(), format);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    throw;
  }
  Response r;
  r.content_type = format == util::SheetFormat::kCsv
                       ? "text/csv; charset=utf-8"
                       : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  r.file_path = path.string();
  r.delete_file_after = true;
  std::string day = util::china_date(util::SystemClock().now());
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "-" + day + "." + ext + "\"");
  return r;
}

}  // namespace waihu::http
