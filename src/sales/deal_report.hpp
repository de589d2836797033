#pragma once
// What a deals import was asked to do and what it did: plain values shared by the importer, the JSON answer and
// the CLI.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "util/import_sheet.hpp"

namespace waihu::sales {

struct DealImportOptions {
  bool partial = false;      ///< commit the good rows even when some are rejected
  bool dry_run = false;      ///< check everything, write nothing
  std::string rejects_path;  ///< CSV of the rejected rows with line and reason ("" = none)
  std::string file_label;    ///< the file's name as the user knows it, for the audit log
};

struct DealImportReport {
  long long read = 0;
  long long deals_created = 0;
  long long payments_created = 0;
  long long duplicates = 0;     ///< rows whose deal and payment are both already stored
  util::RejectedRows rejected;  ///< rows refused, with the first errors (line, column, reason)
  bool committed = false;
  std::string encoding;
};

/// {"read", "deals_created", "payments_created", "duplicates", "rejected", "errors": [{"line", "column", "reason"}], …}
nlohmann::json to_json(const DealImportReport& r);

}  // namespace waihu::sales
