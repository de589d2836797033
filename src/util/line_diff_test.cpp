#include "util/line_diff.hpp"

#include <gtest/gtest.h>

namespace waihu::util {

namespace {
std::string render(const std::vector<DiffLine>& d) {
  std::string out;
  for (const auto& l : d) out += std::string(1, l.op) + l.text + "|";
  return out;
}
}  // namespace

TEST(LineDiff, KeepsWhatIsCommonAndShowsRemovalsBeforeAdditions) {
  EXPECT_EQ(render(line_diff({"a", "b", "c"}, {"a", "x", "c"})), " a|-b|+x| c|");
  EXPECT_EQ(render(line_diff({}, {"a"})), "+a|");
  EXPECT_EQ(render(line_diff({"a"}, {})), "-a|");
  EXPECT_EQ(render(line_diff({"a", "b"}, {"a", "b"})), " a| b|");
  EXPECT_EQ(render(line_diff({"a", "b", "c", "d"}, {"b", "c", "e"})), "-a| b| c|-d|+e|");
}

TEST(LineDiff, SplitsOnNewlinesOfEitherKind) {
  EXPECT_EQ(split_lines("a\r\nb\n\nc"), (std::vector<std::string>{"a", "b", "", "c"}));
  EXPECT_EQ(split_lines("a\n"), (std::vector<std::string>{"a"}));
  EXPECT_TRUE(split_lines("").empty());
}

}  // namespace waihu::util
