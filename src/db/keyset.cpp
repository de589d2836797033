#include "db/keyset.hpp"

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "util/strings.hpp"

namespace waihu::db {

std::string encode_cursor(const Cursor& c) {
  return util::base64url_encode(nlohmann::json::array({c.value, c.id}).dump());
}

std::optional<Cursor> decode_cursor(const std::string& text) {
  std::string raw;
  if (!util::base64url_decode(text, raw)) return std::nullopt;
  auto j = nlohmann::json::parse(raw, nullptr, false);
  if (!j.is_array() || j.size() != 2 || !j[0].is_string() || !j[1].is_number_integer()) return std::nullopt;
  return Cursor{j[0].get<std::string>(), j[1].get<long long>()};
}

std::optional<Cursor> cursor_param(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto c = decode_cursor(text);
  if (!c) throw BadRequest::field("cursor", "不是本列表的游标 / not a cursor from this list");
  return c;
}

std::string keyset_after(Query& q, const KeysetSort& sort, const Cursor& after) {
  const char* op = sort.descending ? " < " : " > ";
  std::string id = q.bind(after.id);
  if (sort.column.empty()) return "(" + sort.id_column + op + id + ")";
  long long n = 0;
  if (sort.integer && !util::parse_int64(after.value, n)) {
    throw BadRequest::field("cursor", "不是本列表的游标 / not a cursor from this list");
  }
  // Binding the same value twice keeps the SQL portable (named reuse differs between backends).
  std::string v = sort.integer ? q.bind(n) : q.bind(after.value);
  std::string v2 = sort.integer ? q.bind(n) : q.bind(after.value);
  return "(" + sort.column + op + v + " OR (" + sort.column + " = " + v2 + " AND " + sort.id_column + op + id + "))";
}

std::string keyset_order(const KeysetSort& sort) {
  const char* dir = sort.descending ? " DESC" : " ASC";
  if (sort.column.empty()) return sort.id_column + dir;
  return sort.column + dir + ", " + sort.id_column + dir;
}

}  // namespace waihu::db
