#pragma once
// Writing a table for people to open in Excel, row by row so memory stays flat however long the list: CSV in
// UTF-8 with BOM (Excel reads the Chinese right; formulas neutralised), or .xlsx through libxlsxwriter in
// constant-memory mode.
#include <memory>
#include <string>
#include <vector>

#include "util/lang.hpp"

namespace waihu::util {

enum class SheetFormat { kCsv, kXlsx };

/// One cell, typed so that Excel can sum, sort and pivot it: numbers and dates are not text.
struct Cell {
  enum class Kind { kText, kInteger, kHundredths, kDateTime, kDate };
  Kind kind = Kind::kText;
  std::string text;     ///< kText; kDate as "YYYY-MM-DD"
  long long value = 0;  ///< kInteger; kHundredths (shown with two decimals: fen as yuan, a rate in basis points
                        ///< as a percentage); kDateTime (local wall-clock seconds: Unix seconds plus the zone's offset)

  Cell(std::string t) : text(std::move(t)) {}  // NOLINT(google-explicit-constructor): rows read as lists of text
  Cell(const char* t) : text(t) {}             // NOLINT(google-explicit-constructor)
  static Cell integer(long long v) { return Cell(Kind::kInteger, v); }
  /// Money in fen, shown as yuan with two decimals.
  static Cell fen(long long v) { return Cell(Kind::kHundredths, v); }
  /// A number to two decimals given in hundredths (basis points as a percentage, minutes × 100).
  static Cell hundredths(long long v) { return Cell(Kind::kHundredths, v); }
  /// A moment as the company's wall clock showed it: seconds counted as if the wall-clock time were UTC
  /// (calendar::CompanyTime::wall_seconds), so the sheet shows the company's time whatever the reader's zone.
  static Cell wall_time(long long wall_seconds) { return Cell(Kind::kDateTime, wall_seconds); }
  /// "YYYY-MM-DD"; anything else stays text.
  static Cell date(std::string ymd);
  /// The empty cell.
  static Cell blank() { return Cell(std::string()); }

 private:
  Cell(Kind k, long long v) : kind(k), value(v) {}
};

/// What a cell reads as in CSV: "12", "1234.50", "2026-11-24 09:30:00", "2026-11-24", or the text.
std::string cell_text(const Cell& c);
/// "csv" or "xlsx".
inline const char* sheet_format_name(SheetFormat f) { return f == SheetFormat::kCsv ? "csv" : "xlsx"; }

class SheetWriter {
 public:
  virtual ~SheetWriter() = default;
  /// The first row written is the header.
  virtual void row(const std::vector<Cell>& cells) = 0;
  /// Finishes the file; throws std::runtime_error when it cannot be written.
  virtual void close() = 0;
};

/// Where an export goes and how people will read it.
struct SheetTarget {
  std::string path;
  SheetFormat format = SheetFormat::kCsv;
  Lang lang = Lang::kZh;
};

/// Throws std::runtime_error when the file cannot be created.
std::unique_ptr<SheetWriter> open_sheet(const std::string& path, SheetFormat format, const std::string& sheet_name);
/// Opens the target, naming the sheet in its language.
std::unique_ptr<SheetWriter> open_sheet(const SheetTarget& target, Label sheet_name);
/// The header row in the target's language.
std::vector<Cell> header_row(const std::vector<Label>& labels, Lang lang);

}  // namespace waihu::util
