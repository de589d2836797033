#include "util/import_sheet.hpp"

#include <stdexcept>

#include "core/errors.hpp"

namespace waihu::util {

void add_rejected_json(nlohmann::json& report, const RejectedRows& rows, bool with_columns) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : rows.errors) {
    nlohmann::json j{{"line", e.line}, {"reason", e.reason}};
    if (with_columns) j["column"] = e.column.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.column);
    errors.push_back(std::move(j));
  }
  report["rejected"] = rows.count;
  report["errors"] = std::move(errors);
  report["errors_truncated"] = rows.truncated;
}

ImportSheet::ImportSheet(const std::string& path) {
  Encoding enc;
  try {
    enc = detect_file_encoding(path);
  } catch (const DamagedUtf8& e) {
    throw BadRequest("import.bad_utf8",
                     "文件是 UTF-8 编码，但第 " + std::to_string(e.line) + " 行（第 " + std::to_string(e.byte) +
                         " 字节）有损坏的字符；请修正后重新导入 / the file is UTF-8 but line " +
                         std::to_string(e.line) + " (byte " + std::to_string(e.byte) +
                         ") holds a damaged character; fix it and import again",
                     {{"field", "file"}, {"line", e.line}, {"byte", e.byte}});
  } catch (const std::exception& e) {
    throw BadRequest("import.unreadable", std::string("无法读取文件 / cannot read the file: ") + e.what());
  }
  encoding_ = std::string(encoding_name(enc));
  file_ = std::make_unique<Utf8FileReader>(path, enc);
  csv_ = std::make_unique<CsvReader>([this](std::string& chunk) { return file_->read(chunk); });
}

CsvRecord ImportSheet::read_first() {
  CsvRecord first;
  if (!csv_->next(first)) throw BadRequest("import.empty", "文件为空 / the file is empty", {{"field", "file"}});
  return first;
}

CsvRecord ImportSheet::read_header() {
  CsvRecord header = read_first();
  if (!header.error.empty()) {
    throw BadRequest("import.bad_header", "表头无法读取 / the header row cannot be read: " + header.error,
                     {{"line", header.line}});
  }
  return header;
}

void ImportSheet::open_rejects(const std::string& path, const std::vector<std::string>& headers) {
  try {
    rejects_.emplace(path, headers);
  } catch (const std::runtime_error& e) {
    throw BadRequest::field("rejects", e.what());
  }
}

void ImportSheet::reject(const CsvRecord& record, const std::string& column, const std::string& reason) {
  ++rejected_.count;
  if (rejected_.errors.size() < kMaxReportedErrors) {
    rejected_.errors.push_back({record.line, column, reason});
  } else {
    rejected_.truncated = true;
  }
  set_aside(record, reason);
}

void ImportSheet::set_aside(const CsvRecord& record, const std::string& reason) {
  if (rejects_) rejects_->add(record, reason);
}

}  // namespace waihu::util
