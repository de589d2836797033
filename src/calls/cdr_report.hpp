#pragma once
// What a CDR import was asked to do and what it did: plain values shared by the importer, the JSON answer and
// the CLI.
#include <string>
#include <vector>

#include "calls/cdr_rules.hpp"
#include "util/import_sheet.hpp"

namespace waihu::calls {

struct CdrImportOptions {
  CdrFormat format = CdrFormat::kAsterisk;
  std::string time_zone = "Asia/Shanghai";  ///< the phone server's zone, for times written without one
  std::vector<std::string> strip_prefixes;  ///< outbound prefixes removed from dialled numbers ("9", "0")
  bool partial = false;                     ///< commit the good rows even when some are rejected
  bool dry_run = false;                     ///< check everything, write nothing
  std::string rejects_path;                 ///< CSV of the rejected rows with line and reason ("" = none)
  std::string file_label;                   ///< the file's name as the user knows it, for the audit log
};

struct CdrImportReport {
  long long read = 0;           ///< records read (blank lines are not records)
  long long imported = 0;       ///< new calls stored
  long long duplicates = 0;     ///< calls already stored (same call id), or twice in the file
  long long no_customer = 0;    ///< imported calls whose number matches no customer
  util::RejectedRows rejected;  ///< rows refused (no column: the reason says which field), with the first errors
  bool committed = false;
  std::string encoding;
};

}  // namespace waihu::calls
