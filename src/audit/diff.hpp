#pragma once
// What a write changed, field by field, from the before and after images the log keeps: what people read
// instead of two JSON dumps.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace waihu::audit {

struct FieldChange {
  std::string field;
  nlohmann::json before;  ///< null: the field was not there (a record created)
  nlohmann::json after;   ///< null: the field is gone (a record removed)
};

/// The top-level fields whose values differ, in the order of `after` then fields only in `before`. Two non-object
/// images (or one missing) compare as one field "" when they differ.
std::vector<FieldChange> field_changes(const nlohmann::json& before, const nlohmann::json& after);

/// "status: new → contacted; owner_id: 3 → 5" for a sheet cell.
std::string changes_text(const std::vector<FieldChange>& changes);

}  // namespace waihu::audit
