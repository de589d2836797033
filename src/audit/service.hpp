#pragma once
// Writing and reading the audit trail. `record` joins the caller's transaction, so the audit row and the change
// it describes commit or roll back together.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "audit/model.hpp"
#include "core/page.hpp"
#include "db/database.hpp"

namespace waihu::audit {

/// Inserts one audit row through `sql` (inside the caller's transaction). `entry.id` is ignored.
void record(soci::session& sql, const Entry& entry);

class AuditService {
 public:
  explicit AuditService(db::Database& db) : db_(db) {}
  /// Newest first. Throws BadRequest on a cursor it did not write.
  Page<Entry> list(const Filter& filter, const std::string& cursor, int limit);

 private:
  db::Database& db_;
};

}  // namespace waihu::audit
