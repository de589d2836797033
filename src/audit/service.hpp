#pragma once
// Writing and reading the audit trail. `record` joins the caller's transaction, so the audit row and the change
// it describes commit or roll back together.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "audit/model.hpp"
#include "calendar/company_time.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "util/sheet_writer.hpp"

namespace waihu::audit {

/// Inserts one audit row through `sql` (inside the caller's transaction). `entry.id` is ignored.
void record(soci::session& sql, const Entry& entry);

/// The row every export leaves: who, when, the filter, how many rows and in which format ("<entity>.export").
void record_export(soci::session& sql, long long at, std::optional<long long> actor_id, const std::string& entity,
                   const nlohmann::json& filter, long long rows, const std::string& format);

class AuditService {
 public:
  AuditService(db::Database& db, const calendar::CompanyTime& time) : db_(db), time_(time) {}
  /// Newest first. Throws BadRequest on a cursor it did not write.
  Page<LoggedEntry> list(const Filter& filter, const std::string& cursor, int limit);
  /// The filtered entries, newest first, to a CSV or .xlsx file in the target's language (people by name, times
  /// in China time, the changes field by field); the export itself is audited. Returns the rows written.
  long long export_entries(const Filter& filter, const nlohmann::json& filter_description,
                           std::optional<long long> actor_id, const util::SheetTarget& target);
  /// One entry, for a read model that found its id (a customer's timeline).
  std::optional<Entry> entry(long long id);

 private:
  db::Database& db_;
  const calendar::CompanyTime& time_;
};

}  // namespace waihu::audit
