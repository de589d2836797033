#pragma once
// Line by line differences between two texts (the longest common subsequence), for showing what changed between
// two versions of a policy.
#include <string>
#include <vector>

namespace waihu::util {

struct DiffLine {
  char op = ' ';  ///< ' ' kept, '-' only in the old text, '+' only in the new
  std::string text;
};

/// Every line of both, in order; texts of a few thousand lines.
std::vector<DiffLine> line_diff(const std::vector<std::string>& before, const std::vector<std::string>& after);
/// A text's lines (a trailing newline ends the last line; "\r\n" counts as a newline).
std::vector<std::string> split_lines(const std::string& text);

}  // namespace waihu::util
