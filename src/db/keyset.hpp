#pragma once
// Keyset pagination: "the rows after the last one you saw", stable under inserts, no OFFSET, no COUNT(*).
// A cursor is opaque to clients: base64url of the last row's sort value and id.
#include <optional>
#include <string>

#include "db/query.hpp"

namespace waihu::db {

struct Cursor {
  std::string value;  ///< sort column's value as text (integers as decimal text)
  long long id = 0;
};

std::string encode_cursor(const Cursor& c);
/// nullopt when the text is not a cursor this server wrote.
std::optional<Cursor> decode_cursor(const std::string& text);

struct KeysetSort {
  std::string column;  ///< qualified column, e.g. "c.updated_at"; "" sorts by id alone
  std::string id_column;
  bool descending = true;
  bool integer = true;  ///< the sort column holds integers
};

/// "(col < :a OR (col = :a AND id < :b))" for the rows after `after`, bound into q.
std::string keyset_after(Query& q, const KeysetSort& sort, const Cursor& after);
/// "col DESC, id DESC".
std::string keyset_order(const KeysetSort& sort);

}  // namespace waihu::db
