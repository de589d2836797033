#pragma once
// Reading a JSON request body strictly: malformed JSON, a body that is not an object, an unknown field or a field
// of the wrong type is a 400 naming the field — before anything is written.
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/calendar.hpp"

namespace waihu::http {

class JsonBody {
 public:
  JsonBody(const std::string& body, std::span<const std::string_view> allowed_fields);
  JsonBody(const std::string& body, std::initializer_list<std::string_view> allowed_fields)
      : JsonBody(body, std::span<const std::string_view>(allowed_fields.begin(), allowed_fields.size())) {}
  bool has(const std::string& f) const { return j_.contains(f); }
  bool is_null(const std::string& f) const { return has(f) && j_.at(f).is_null(); }
  /// Absent → nullopt. Null → "" when `null_as_empty`, else 400.
  std::optional<std::string> text(const std::string& f, bool null_as_empty = true) const;
  std::optional<std::string> required_text(const std::string& f) const;
  /// A required "YYYY-MM-DD" of a real date; BadRequest naming the field otherwise.
  calendar::LocalDate required_date(const std::string& f) const;
  std::optional<long long> integer(const std::string& f) const;
  std::optional<bool> boolean(const std::string& f) const;
  std::optional<std::vector<std::string>> text_list(const std::string& f) const;
  std::optional<std::vector<long long>> integer_list(const std::string& f) const;
  /// A nested object as JSON text, for a JsonBody of its own: absent or null → nullopt; anything else than an
  /// object → 400.
  std::optional<std::string> object_text(const std::string& f) const;
  /// An array of objects, each as JSON text for a JsonBody of its own: absent or null → empty; anything else than
  /// an array of objects → 400.
  std::vector<std::string> object_list(const std::string& f) const;
  /// A nullable id: absent → nullopt; null → optional(nullopt); number → optional(id).
  std::optional<std::optional<long long>> nullable_id(const std::string& f) const;

 private:
  nlohmann::json j_;
};

}  // namespace waihu::http
