#pragma once
// Keyset pagination: "the rows after the last one you saw", stable under inserts, no OFFSET, no COUNT(*).
// A cursor is opaque to clients: base64url of the last row's sort value and id.
#include <optional>
#include <string>
#include <vector>

#include "core/page.hpp"
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

/// "(col < :a OR (col = :a AND id < :b))" for the rows after `after`, bound into q. BadRequest "cursor" when an
/// integer sort's cursor does not hold an integer.
std::string keyset_after(Query& q, const KeysetSort& sort, const Cursor& after);
/// "col DESC, id DESC".
std::string keyset_order(const KeysetSort& sort);

/// The `?cursor=` of a list request: nullopt when empty; BadRequest naming "cursor" when it is not ours.
std::optional<Cursor> cursor_param(const std::string& text);

/// A page from `rows` fetched with LIMIT limit+1: at most `limit` items, and the cursor after the last one when
/// there were more. `key_of(row)` gives the row's Cursor in the list's sort.
template <class T, class KeyOf>
Page<T> page_of(std::vector<T> rows, int limit, KeyOf key_of) {
  Page<T> page;
  if (static_cast<int>(rows.size()) > limit) {
    rows.resize(static_cast<size_t>(limit));
    page.next_cursor = encode_cursor(key_of(rows.back()));
  }
  page.items = std::move(rows);
  return page;
}

}  // namespace waihu::db
