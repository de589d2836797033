#include "http/download.hpp"

#include <algorithm>
#include <cctype>
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

util::Lang sheet_lang(const Context& c) {
  auto lang = util::parse_lang(c.query("lang").value_or("zh"));
  if (!lang) throw BadRequest::field("lang", "应为 zh 或 en / must be zh or en");
  return *lang;
}

std::string period_name(const std::optional<std::string>& day, const std::optional<std::string>& from,
                        const std::optional<std::string>& to) {
  if (day) return *day;
  // An instant "2026-11-01T00:00:00+08:00" names its date; the file name keeps that much.
  auto date = [](const std::optional<std::string>& t) { return t ? t->substr(0, 10) : std::string(); };
  if (from && to) return date(from) + "_" + date(to);
  return from ? date(from) : date(to);
}

namespace {
// RFC 5987: filename*=UTF-8''%E9%80%9A… for names that are not plain ASCII.
std::string percent_encoded(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}
// Only characters safe in a quoted header value and in every file system.
bool safe_period(const std::string& p) {
  return std::all_of(p.begin(), p.end(), [](unsigned char ch) { return std::isdigit(ch) || ch == '-' || ch == '_'; });
}
}  // namespace

Response sheet_download(const std::string& data_dir, const Context& c, util::Label what, const std::string& period,
                        const std::function<void(const util::SheetTarget&)>& write, bool dated) {
  util::SheetFormat format = sheet_format(c);
  util::Lang lang = sheet_lang(c);
  const std::string ext = util::sheet_format_name(format);
  auto dir = std::filesystem::path(data_dir) / "exports";
  std::filesystem::create_directories(dir);
  std::random_device rd;
  auto path = dir / (std::to_string(c.actor().user_id) + "-" + std::to_string(rd()) + std::to_string(rd()) + "." + ext);
  try {
    write(util::SheetTarget{path.string(), format, lang});
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
  std::string when = period.empty() || !safe_period(period) ? c.time().today().str() : period;
  const std::string suffix = dated ? "-" + when : "";
  const std::string name = std::string(what.in(lang)) + suffix + "." + ext;
  const std::string ascii_name = std::string(what.en) + suffix + "." + ext;
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"" + ascii_name + "\"; filename*=UTF-8''" + percent_encoded(name));
  return r;
}

}  // namespace waihu::http
