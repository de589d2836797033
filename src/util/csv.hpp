#pragma once
// RFC 4180 CSV as Excel writes it: quoted fields with commas, quotes ("") and line breaks inside; CRLF, LF or CR
// line ends; comma, tab or semicolon separators (guessed from the header line). Streams: memory stays bounded by
// the longest record.
#include <functional>
#include <string>
#include <vector>

namespace waihu::util {

struct CsvRecord {
  size_t line = 0;  ///< physical line (1-based) the record starts on
  std::vector<std::string> fields;
  std::string error;  ///< set when the record could not be read (unterminated quote, too long)
};

class CsvReader {
 public:
  /// `source` replaces its argument with the next UTF-8 chunk and returns false at the end.
  using Source = std::function<bool(std::string&)>;
  explicit CsvReader(Source source, size_t max_record_bytes = 4 << 20);
  /// Next non-blank record, its fields without NUL bytes or bidi controls (util::clean_text); false at end of input.
  bool next(CsvRecord& rec);
  char separator() const { return sep_; }

 private:
  bool read_record(CsvRecord& rec);
  bool fill();
  void guess_separator();
  Source source_;
  size_t max_record_;
  std::string buf_;
  size_t pos_ = 0;
  size_t line_ = 1;
  bool eof_ = false;
  bool sep_known_ = false;
  char sep_ = ',';
};

/// Writes one CSV record (quoting where needed) followed by CRLF, as Excel expects.
void append_csv_record(std::string& out, const std::vector<std::string>& fields);

}  // namespace waihu::util
