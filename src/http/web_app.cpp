#include "http/web_app.hpp"

#include <array>
#include <filesystem>
#include <utility>

namespace waihu::http {

namespace fs = std::filesystem;

namespace {
std::string content_type_of(const std::string& ext) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
  }};
  for (const auto& [e, type] : kTypes) {
    if (ext == e) return std::string(type);
  }
  return "application/octet-stream";
}

bool accepts(const Request& req, std::string_view encoding) {
  return req.header("accept-encoding").find(encoding) != std::string::npos;
}
}  // namespace

WebApp::WebApp(std::string root) : root_(std::move(root)) {
  std::error_code ec;
  available_ = !root_.empty() && fs::is_regular_file(fs::path(root_) / "index.html", ec);
}

std::optional<Response> WebApp::serve(const Request& req) const {
  if (!available_ || req.method != "GET" || req.path.starts_with("/api/") || req.path == "/api") return std::nullopt;
  fs::path rel = fs::path(req.path).relative_path().lexically_normal();
  for (const auto& part : rel) {
    if (part == "..") return std::nullopt;
  }
  std::error_code ec;
  fs::path file = fs::path(root_) / rel;
  if (rel.empty() || !fs::is_regular_file(file, ec)) {
    // A missing file with an extension is a missing asset; anything else is one of the app's own routes.
    if (rel.has_extension()) return std::nullopt;
    file = fs::path(root_) / "index.html";
  }
  Response r;
  r.content_type = content_type_of(file.extension().string());
  bool hashed_asset = rel.begin() != rel.end() && *rel.begin() == "assets";
  r.headers.emplace_back("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  r.headers.emplace_back("Vary", "Accept-Encoding");
  r.file_path = file.string();
  for (auto [encoding, suffix] : {std::pair{"br", ".br"}, std::pair{"gzip", ".gz"}}) {
    std::string compressed = file.string() + suffix;
    if (accepts(req, encoding) && fs::is_regular_file(compressed, ec)) {
      r.file_path = compressed;
      r.headers.emplace_back("Content-Encoding", encoding);
      break;
    }
  }
  return r;
}

std::string find_web_root(const std::string& configured) {
  if (!configured.empty()) return configured;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // build/waihu → web/dist
    fs::path beside = exe.parent_path().parent_path() / "web" / "dist";
    if (fs::is_regular_file(beside / "index.html", ec)) return beside.string();
  }
  return (fs::current_path(ec) / "web" / "dist").string();
}

}  // namespace waihu::http
