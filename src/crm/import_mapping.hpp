#pragma once
// Which column of a customer sheet holds which field: Chinese or English headers as offices write them
// (单位名称/公司名称/公司, 联系人/姓名, 电话/手机/联系电话 …), with `--map 'col=field,…'` overrides.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waihu::crm {

enum class ImportField {
  kCompany,
  kContactName,
  kTitle,
  kPhones,
  kFax,
  kIndustry,
  kRegion,
  kSize,
  kHeadcount,
  kItStatus,
  kSource,
  kNeeds,
  kGrade,
  kStatus,
  kTags,
  kNotes,
  kOwner,
  kIgnore
};

/// Code names as in the API ("company", "contact_name", "phones", …, "owner", "ignore").
std::optional<ImportField> import_field_from_name(std::string_view name);
std::string_view import_field_name(ImportField f);
/// The field a header text means, if it is one we know.
std::optional<ImportField> import_field_for_header(std::string_view header);

struct ColumnMapping {
  std::vector<std::optional<ImportField>> columns;  ///< one per header column; nullopt = unknown, ignored
  std::vector<std::string> unknown_headers;
  std::vector<std::string> headers;
};

/// Maps the header row. `overrides` is "col=field,…" where col is a header text or a 1-based column number.
/// Throws std::invalid_argument naming what is wrong (unknown field, no such column, no phone column).
ColumnMapping map_columns(const std::vector<std::string>& headers, std::string_view overrides);

}  // namespace waihu::crm
