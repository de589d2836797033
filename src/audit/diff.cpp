#include "audit/diff.hpp"

namespace waihu::audit {

std::vector<FieldChange> field_changes(const nlohmann::json& before, const nlohmann::json& after) {
  std::vector<FieldChange> out;
  const bool before_object = before.is_object() || before.is_null();
  const bool after_object = after.is_object() || after.is_null();
  if (!before_object || !after_object) {
    if (before != after) out.push_back({"", before, after});
    return out;
  }
  static const nlohmann::json kEmpty = nlohmann::json::object();
  const nlohmann::json& b = before.is_null() ? kEmpty : before;
  const nlohmann::json& a = after.is_null() ? kEmpty : after;
  for (const auto& [key, value] : a.items()) {
    auto was = b.find(key);
    if (was == b.end()) {
      if (!value.is_null()) out.push_back({key, nullptr, value});
    } else if (*was != value) {
      out.push_back({key, *was, value});
    }
  }
  for (const auto& [key, value] : b.items()) {
    if (!a.contains(key) && !value.is_null()) out.push_back({key, value, nullptr});
  }
  return out;
}

std::string changes_text(const std::vector<FieldChange>& changes) {
  auto show = [](const nlohmann::json& v) -> std::string {
    if (v.is_null()) return "—";
    if (v.is_string()) return v.get<std::string>();
    return v.dump();
  };
  std::string out;
  for (const auto& c : changes) {
    if (!out.empty()) out += "; ";
    if (!c.field.empty()) out += c.field + ": ";
    out += show(c.before) + " → " + show(c.after);
  }
  return out;
}

}  // namespace waihu::audit
