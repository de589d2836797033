#pragma once
// One page of a list: the items and, when there may be more, the cursor for the next page.
#include <optional>
#include <string>
#include <vector>

namespace waihu {

template <class T>
struct Page {
  std::vector<T> items;
  std::optional<std::string> next_cursor;
};

/// Lists answer at most this many items per page, whatever the client asks.
inline constexpr int kMaxPageSize = 1000;
inline constexpr int kDefaultPageSize = 50;

}  // namespace waihu
