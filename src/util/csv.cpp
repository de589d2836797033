#include "util/csv.hpp"

#include <cctype>

#include "util/strings.hpp"

namespace waihu::util {

CsvReader::CsvReader(Source source, size_t max_record_bytes)
    : source_(std::move(source)), max_record_(max_record_bytes) {}

bool CsvReader::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  std::string chunk;
  while (source_(chunk)) {
    if (!chunk.empty()) {
      buf_ += chunk;
      return true;
    }
  }
  eof_ = true;
  return false;
}

void CsvReader::guess_separator() {
  sep_known_ = true;
  while (buf_.find('\n', pos_) == std::string::npos && fill()) {
  }
  size_t end = buf_.find('\n', pos_);
  std::string_view head(buf_.data() + pos_, (end == std::string::npos ? buf_.size() : end) - pos_);
  size_t best = 0;
  for (char c : {',', '\t', ';'}) {
    size_t n = 0;
    bool quoted = false;
    for (char h : head) {
      if (h == '"') quoted = !quoted;
      if (!quoted && h == c) ++n;
    }
    if (n > best) best = n, sep_ = c;
  }
}

bool CsvReader::next(CsvRecord& rec) {
  if (!read_record(rec)) return false;
  for (auto& f : rec.fields) clean_text_in_place(f);  // no NUL or bidi override reaches the store
  return true;
}

bool CsvReader::read_record(CsvRecord& rec) {
  if (!sep_known_) guess_separator();
  for (;;) {
    rec.fields.clear();
    rec.error.clear();
    rec.line = line_;
    std::string field;
    bool quoted = false;      // inside a quoted field
    bool was_quoted = false;  // current field began with a quote
    bool any = false;         // the record has any content
    size_t bytes = 0;
    for (;;) {
      if (pos_ >= buf_.size() && !fill()) {
        if (quoted) {
          rec.error = "引号未闭合，从本行一直到文件末尾 / unterminated quoted field: it runs to the end of the file";
        }
        if (!any && field.empty() && rec.fields.empty()) {
          if (rec.error.empty()) return false;
        }
        rec.fields.push_back(std::move(field));
        return true;
      }
      char c = buf_[pos_++];
      if (++bytes > max_record_) {
        // Skip the rest of the physical line and report the record.
        while (true) {
          if (pos_ >= buf_.size() && !fill()) break;
          char d = buf_[pos_++];
          if (d == '\n') {
            ++line_;
            break;
          }
        }
        rec.fields.clear();
        rec.error = "记录超过 " + std::to_string(max_record_ / 1024) + " KiB / record longer than " +
                    std::to_string(max_record_ / 1024) + " KiB";
        return true;
      }
      if (quoted) {
        if (c == '"') {
          if (pos_ >= buf_.size()) fill();
          if (pos_ < buf_.size() && buf_[pos_] == '"') {
            field += '"';
            ++pos_;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') ++line_;
          field += c;
        }
        continue;
      }
      if (c == '"' && field.empty() && !was_quoted) {
        quoted = was_quoted = any = true;
      } else if (c == sep_) {
        rec.fields.push_back(std::move(field));
        field.clear();
        was_quoted = false;
        any = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r') {
          if (pos_ >= buf_.size()) fill();
          if (pos_ < buf_.size() && buf_[pos_] == '\n') ++pos_;
        }
        ++line_;
        if (!any && field.empty()) break;  // blank line: not a record
        rec.fields.push_back(std::move(field));
        return true;
      } else {
        field += c;
        any = true;
      }
    }
  }
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string f = spreadsheet_safe(fields[i]);  // "=SUM(…)" and "-2+3" must not run as formulas
    if (f.find_first_of(",\"\r\n\t") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
}

}  // namespace waihu::util
