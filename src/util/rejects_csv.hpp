#pragma once
// The rows an import did not take, as CSV with the line and the reason appended, to fix and re-import.
// UTF-8 with a BOM so Excel opens it correctly. Writes nothing when given no path.
#include <fstream>
#include <string>
#include <vector>

#include "util/csv.hpp"

namespace waihu::util {

class RejectsCsv {
 public:
  /// Throws std::runtime_error when `path` cannot be written.
  RejectsCsv(const std::string& path, const std::vector<std::string>& headers);
  void add(const CsvRecord& record, const std::string& reason);

 private:
  std::ofstream out_;
};

}  // namespace waihu::util
