#pragma once
// What an import was asked to do and what it did: plain values shared by the importer, the JSON answer and the CLI.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/import_sheet.hpp"

namespace waihu::crm {

enum class DedupeMode { kSkip, kUpdate, kFlag };
std::optional<DedupeMode> parse_dedupe_mode(std::string_view s);

struct ImportOptions {
  std::optional<std::string> owner_username;  ///< rows go to this agent (a row's owner column wins)
  bool pool = false;                          ///< rows go to the public pool
  bool partial = false;                       ///< commit the good rows even when some are rejected
  bool dry_run = false;                       ///< check everything, write nothing
  DedupeMode dedupe = DedupeMode::kSkip;
  std::string map;           ///< "col=field,…" overrides of the header mapping
  std::string rejects_path;  ///< where to write rejected and duplicate rows as CSV ("" = nowhere)
  std::string file_label;    ///< the name the user knows the file by, for the audit log
};

using util::ImportError;

struct ImportReport {
  long long read = 0;  ///< data records read (blank lines are not records)
  long long created = 0;
  long long updated = 0;
  long long duplicates = 0;
  util::RejectedRows rejected;  ///< rows refused, with the first errors
  long long claims = 0;         ///< 撞单 records opened (dedupe=flag)
  bool committed = false;
  std::string encoding;
  std::map<std::string, std::string> mapping;  ///< header → field
  std::vector<std::string> unknown_headers;
};

}  // namespace waihu::crm
