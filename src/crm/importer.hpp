#pragma once
// Customer lists from the files Chinese offices have (CSV in UTF-8, UTF-8 with BOM, GBK/GB18030, UTF-16), into
// the store: header mapping, per-line errors with the physical line number, dedupe against the store and within
// the file, all-or-nothing unless partial, a dry run, and a CSV of the rows that did not go in.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crm/phone.hpp"
#include "db/database.hpp"
#include "org/model.hpp"
#include "org/service.hpp"
#include "util/clock.hpp"

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

struct ImportError {
  size_t line = 0;
  std::string column;  ///< header text, "" when the whole row is at fault
  std::string reason;
};

struct ImportReport {
  long long read = 0;  ///< data records read (blank lines are not records)
  long long created = 0;
  long long updated = 0;
  long long duplicates = 0;
  long long rejected = 0;
  long long claims = 0;             ///< 撞单 records opened (dedupe=flag)
  std::vector<ImportError> errors;  ///< the first kMaxReportedErrors; `rejected` counts all
  bool errors_truncated = false;
  bool committed = false;
  std::string encoding;
  std::map<std::string, std::string> mapping;  ///< header → field
  std::vector<std::string> unknown_headers;
};

inline constexpr size_t kMaxReportedErrors = 1000;

class CustomerImporter {
 public:
  CustomerImporter(db::Database& db, const util::Clock& clock, const PhoneNormalizer& phones, org::OrgService& org)
      : db_(db), clock_(clock), phones_(phones), org_(org) {}
  /// `actor` nullptr: the command line. Throws BadRequest for whole-file problems (empty, no header, no phone
  /// column, bad --map, unknown owner) — then nothing is written.
  ImportReport run(const org::Actor* actor, const std::string& path, const ImportOptions& options);

 private:
  db::Database& db_;
  const util::Clock& clock_;
  const PhoneNormalizer& phones_;
  org::OrgService& org_;
};

}  // namespace waihu::crm
