#include "http/json_input.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "util/strings.hpp"

namespace waihu::http {

namespace {
BadRequest wrong_type(const std::string& f, const char* expected) {
  return BadRequest::field(f, std::string("类型错误，应为 ") + expected + " / must be " + expected,
                           "validation.wrong_type");
}
}  // namespace

JsonBody::JsonBody(const std::string& body, std::span<const std::string_view> allowed) {
  j_ = nlohmann::json::parse(body, nullptr, false);
  if (j_.is_discarded()) throw BadRequest("validation.malformed_json", "请求体不是有效的 JSON / malformed JSON body");
  if (!j_.is_object())
    throw BadRequest("validation.not_an_object", "请求体应为 JSON 对象 / body must be a JSON object");
  for (const auto& [key, value] : j_.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      throw BadRequest::field(key, "未知字段 / unknown field", "validation.unknown_field");
    }
  }
}

std::optional<std::string> JsonBody::text(const std::string& f, bool null_as_empty) const {
  if (!has(f)) return std::nullopt;
  const auto& v = j_.at(f);
  if (v.is_null() && null_as_empty) return std::string();
  if (!v.is_string()) throw wrong_type(f, "string");
  return util::clean_text(v.get_ref<const std::string&>());  // no NUL or bidi override reaches the store
}

std::optional<std::string> JsonBody::required_text(const std::string& f) const {
  auto v = text(f, false);
  if (!v || util::trim(*v).empty()) throw BadRequest::field(f, "必填 / required", "validation.required");
  return v;
}

calendar::LocalDate JsonBody::required_date(const std::string& f) const {
  auto day = calendar::LocalDate::parse(*required_text(f));
  if (!day) throw BadRequest::field(f, "应为 YYYY-MM-DD / must be a date YYYY-MM-DD");
  return *day;
}

std::optional<long long> JsonBody::integer(const std::string& f) const {
  if (!has(f)) return std::nullopt;
  const auto& v = j_.at(f);
  if (!v.is_number_integer()) throw wrong_type(f, "integer");
  return v.get<long long>();
}

std::optional<bool> JsonBody::boolean(const std::string& f) const {
  if (!has(f)) return std::nullopt;
  const auto& v = j_.at(f);
  if (!v.is_boolean()) throw wrong_type(f, "boolean");
  return v.get<bool>();
}

std::optional<std::vector<std::string>> JsonBody::text_list(const std::string& f) const {
  if (!has(f)) return std::nullopt;
  const auto& v = j_.at(f);
  if (v.is_null()) return std::vector<std::string>{};
  if (!v.is_array()) throw wrong_type(f, "array of strings");
  std::vector<std::string> out;
  for (const auto& e : v) {
    if (!e.is_string()) throw wrong_type(f, "array of strings");
    out.push_back(util::clean_text(e.get_ref<const std::string&>()));
  }
  return out;
}

std::optional<std::vector<long long>> JsonBody::integer_list(const std::string& f) const {
  if (!has(f) || j_.at(f).is_null()) return std::nullopt;
  const auto& v = j_.at(f);
  if (!v.is_array()) throw wrong_type(f, "array of integers");
  std::vector<long long> out;
  for (const auto& e : v) {
    if (!e.is_number_integer()) throw wrong_type(f, "array of integers");
    out.push_back(e.get<long long>());
  }
  return out;
}

std::optional<std::string> JsonBody::object_text(const std::string& f) const {
  if (!has(f) || j_.at(f).is_null()) return std::nullopt;
  if (!j_.at(f).is_object()) throw wrong_type(f, "object");
  return j_.at(f).dump();
}

std::vector<std::string> JsonBody::object_list(const std::string& f) const {
  std::vector<std::string> out;
  if (!has(f) || j_.at(f).is_null()) return out;
  if (!j_.at(f).is_array()) throw wrong_type(f, "array of objects");
  for (const auto& v : j_.at(f)) {
    if (!v.is_object()) throw wrong_type(f, "array of objects");
    out.push_back(v.dump());
  }
  return out;
}

std::optional<std::optional<long long>> JsonBody::nullable_id(const std::string& f) const {
  if (!has(f)) return std::nullopt;
  const auto& v = j_.at(f);
  if (v.is_null()) return std::optional<long long>();
  if (!v.is_number_integer() || v.get<long long>() <= 0) throw wrong_type(f, "positive integer or null");
  return std::optional<long long>(v.get<long long>());
}

}  // namespace waihu::http
