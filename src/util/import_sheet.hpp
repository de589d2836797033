#pragma once
// What every import of a sheet does the same way: detect the file's encoding and read it as UTF-8 CSV; take the
// header; refuse rows with their physical line, column and reason — the first 1,000 kept for the report, all
// counted, all copied to the rejects CSV the user downloads to fix and re-import.
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "util/csv.hpp"
#include "util/encoding.hpp"
#include "util/rejects_csv.hpp"

namespace waihu::util {

struct ImportError {
  size_t line = 0;
  std::string column;  ///< header text, "" when the whole row is at fault
  std::string reason;
};

inline constexpr size_t kMaxReportedErrors = 1000;

struct RejectedRows {
  long long count = 0;
  std::vector<ImportError> errors;  ///< the first kMaxReportedErrors
  bool truncated = false;
};

/// Adds "rejected", "errors" ([{"line", "column", "reason"}], without "column" when `with_columns` is false) and
/// "errors_truncated" to an import's JSON report.
void add_rejected_json(nlohmann::json& report, const RejectedRows& rows, bool with_columns);

class ImportSheet {
 public:
  /// Throws BadRequest "import.unreadable" when the file cannot be read.
  explicit ImportSheet(const std::string& path);
  const std::string& encoding() const { return encoding_; }
  CsvReader& csv() { return *csv_; }
  /// The first record. Throws BadRequest "import.empty".
  CsvRecord read_first();
  /// The first record, as the header row. Throws BadRequest "import.empty" or "import.bad_header".
  CsvRecord read_header();
  /// Where refused rows go, under `headers` (nothing when `path` is empty). Throws BadRequest naming "rejects".
  void open_rejects(const std::string& path, const std::vector<std::string>& headers);
  /// A refused row: counted, reported, copied to the rejects file.
  void reject(const CsvRecord& record, const std::string& column, const std::string& reason);
  /// A row left out but not in error (a duplicate): only copied to the rejects file, with why.
  void set_aside(const CsvRecord& record, const std::string& reason);
  const RejectedRows& rejected() const { return rejected_; }

 private:
  std::string encoding_;
  std::unique_ptr<Utf8FileReader> file_;
  std::unique_ptr<CsvReader> csv_;
  std::optional<RejectsCsv> rejects_;
  RejectedRows rejected_;
};

}  // namespace waihu::util
