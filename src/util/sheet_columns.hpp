#pragma once
// Which column of a sheet is which field, from the header row: each import (calls, deals) lists the headers it
// understands, in Chinese and English, and which fields it cannot do without. Headers are compared trimmed,
// case-insensitive and without spaces.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace waihu::util {

struct HeaderName {
  std::string_view header;  ///< lower case, no spaces
  int field;                ///< the import's own field number
};

struct SheetColumns {
  std::vector<std::optional<int>> field_of_column;  ///< per header position
  /// The position of `field`'s column, if the sheet has one.
  std::optional<size_t> column_of(int field) const;
};

/// Throws std::invalid_argument naming a field given twice or the `required` fields that are missing (by
/// `field_names[field]`).
SheetColumns map_sheet_header(const std::vector<std::string>& header, std::span<const HeaderName> names,
                              std::span<const int> required, std::span<const std::string_view> field_names);

}  // namespace waihu::util
