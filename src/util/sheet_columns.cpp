#include "util/sheet_columns.hpp"

#include <algorithm>
#include <stdexcept>

#include "util/strings.hpp"

namespace waihu::util {

std::optional<size_t> SheetColumns::column_of(int field) const {
  for (size_t i = 0; i < field_of_column.size(); ++i) {
    if (field_of_column[i] == field) return i;
  }
  return std::nullopt;
}

SheetColumns map_sheet_header(const std::vector<std::string>& header, std::span<const HeaderName> names,
                              std::span<const int> required, std::span<const std::string_view> field_names) {
  SheetColumns out;
  std::vector<bool> seen(field_names.size(), false);
  for (const auto& cell : header) {
    std::string h = to_lower_ascii(trim(cell));
    std::erase(h, ' ');
    auto it = std::find_if(names.begin(), names.end(), [&](const HeaderName& n) { return n.header == h; });
    std::optional<int> field;
    if (it != names.end()) {
      field = it->field;
      auto f = static_cast<size_t>(*field);
      if (seen[f]) {
        throw std::invalid_argument("列「" + cell + "」重复 / column " + std::string(field_names[f]) + " given twice");
      }
      seen[f] = true;
    }
    out.field_of_column.push_back(field);
  }
  std::string missing;
  for (int r : required) {
    if (!seen[static_cast<size_t>(r)])
      missing += (missing.empty() ? "" : ", ") + std::string(field_names[static_cast<size_t>(r)]);
  }
  if (!missing.empty()) throw std::invalid_argument("缺少必需的列 / required columns missing: " + missing);
  return out;
}

}  // namespace waihu::util
