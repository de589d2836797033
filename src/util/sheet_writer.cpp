#include "util/sheet_writer.hpp"

#include <xlsxwriter.h>

#include <fstream>
#include <stdexcept>

#include "util/csv.hpp"
#include "util/strings.hpp"

namespace waihu::util {

namespace {

class CsvSink final : public SheetWriter {
 public:
  explicit CsvSink(const std::string& path) : out_(path, std::ios::binary | std::ios::trunc) {
    if (!out_) throw std::runtime_error("cannot write " + path);
    out_ << "\xEF\xBB\xBF";
  }
  void row(const std::vector<std::string>& cells) override {
    buf_.clear();
    append_csv_record(buf_, cells);
    out_ << buf_;
  }
  void close() override { out_.close(); }

 private:
  std::ofstream out_;
  std::string buf_;
};

class XlsxSink final : public SheetWriter {
 public:
  XlsxSink(const std::string& path, const std::string& sheet_name) {
    // constant_memory: rows are flushed as written, so a million rows do not sit in memory.
    lxw_workbook_options options{LXW_TRUE, nullptr, LXW_FALSE};
    book_ = workbook_new_opt(path.c_str(), &options);
    if (!book_) throw std::runtime_error("cannot write " + path);
    sheet_ = workbook_add_worksheet(book_, sheet_name.c_str());
    bold_ = workbook_add_format(book_);
    format_set_bold(bold_);
    worksheet_freeze_panes(sheet_, 1, 0);
    worksheet_set_column(sheet_, 0, 30, 16, nullptr);
  }
  ~XlsxSink() override {
    if (book_) workbook_close(book_);
  }
  void row(const std::vector<std::string>& cells) override {
    for (size_t c = 0; c < cells.size(); ++c) {
      const std::string cell = spreadsheet_safe(cells[c]);
      worksheet_write_string(sheet_, row_, static_cast<lxw_col_t>(c), cell.c_str(), row_ == 0 ? bold_ : nullptr);
    }
    ++row_;
  }
  void close() override {
    lxw_error err = workbook_close(book_);
    book_ = nullptr;
    if (err != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx: ") + lxw_strerror(err));
  }

 private:
  lxw_workbook* book_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_row_t row_ = 0;
};
}  // namespace

std::unique_ptr<SheetWriter> open_sheet(const std::string& path, SheetFormat format, const std::string& sheet_name) {
  if (format == SheetFormat::kCsv) return std::make_unique<CsvSink>(path);
  return std::make_unique<XlsxSink>(path, sheet_name);
}

}  // namespace waihu::util
