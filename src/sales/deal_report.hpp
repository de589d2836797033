#pragma once
// What a deals import was asked to do and what it did: plain values shared by the importer, the JSON answer and
// the CLI.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace waihu::sales {

struct DealImportOptions {
  bool partial = false;      ///< commit the good rows even when some are rejected
  bool dry_run = false;      ///< check everything, write nothing
  std::string rejects_path;  ///< CSV of the rejected rows with line and reason ("" = none)
  std::string file_label;    ///< the file's name as the user knows it, for the audit log
};

struct DealImportError {
  size_t line = 0;
  std::string column;  ///< header text, "" when the whole row is at fault
  std::string reason;
};

struct DealImportReport {
  long long read = 0;
  long long deals_created = 0;
  long long payments_created = 0;
  long long duplicates = 0;  ///< rows whose deal and payment are both already stored
  long long rejected = 0;
  std::vector<DealImportError> errors;  ///< the first 1,000; `rejected` counts all
  bool errors_truncated = false;
  bool committed = false;
  std::string encoding;
};

/// {"read", "deals_created", "payments_created", "duplicates", "rejected", "errors": [{"line", "column", "reason"}], …}
nlohmann::json to_json(const DealImportReport& r);

}  // namespace waihu::sales
