#pragma once
// Writing a table for people to open in Excel, row by row so memory stays flat however long the list: CSV in
// UTF-8 with BOM (Excel reads the Chinese right; formulas neutralised), or .xlsx through libxlsxwriter in
// constant-memory mode.
#include <memory>
#include <string>
#include <vector>

namespace waihu::util {

enum class SheetFormat { kCsv, kXlsx };
/// "csv" or "xlsx".
inline const char* sheet_format_name(SheetFormat f) { return f == SheetFormat::kCsv ? "csv" : "xlsx"; }

class SheetWriter {
 public:
  virtual ~SheetWriter() = default;
  /// The first row written is the header.
  virtual void row(const std::vector<std::string>& cells) = 0;
  /// Finishes the file; throws std::runtime_error when it cannot be written.
  virtual void close() = 0;
};

/// Throws std::runtime_error when the file cannot be created.
std::unique_ptr<SheetWriter> open_sheet(const std::string& path, SheetFormat format, const std::string& sheet_name);

}  // namespace waihu::util
