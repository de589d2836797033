#include "util/rejects_csv.hpp"

#include <stdexcept>

namespace waihu::util {

RejectsCsv::RejectsCsv(const std::string& path, const std::vector<std::string>& headers) {
  if (path.empty()) return;
  out_.open(path, std::ios::binary | std::ios::trunc);
  if (!out_) throw std::runtime_error("cannot write " + path);
  std::vector<std::string> h = headers;
  h.push_back("错误行号/line");
  h.push_back("原因/reason");
  std::string buf = "\xEF\xBB\xBF";
  append_csv_record(buf, h);
  out_ << buf;
}

void RejectsCsv::add(const CsvRecord& record, const std::string& reason) {
  if (!out_.is_open()) return;
  std::vector<std::string> f = record.fields;
  f.push_back(std::to_string(record.line));
  f.push_back(reason);
  std::string buf;
  append_csv_record(buf, f);
  out_ << buf;
}

}  // namespace waihu::util
