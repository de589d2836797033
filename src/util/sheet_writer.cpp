#include "util/sheet_writer.hpp"

#include <xlsxwriter.h>

#include <fstream>
#include <stdexcept>

#include "util/clock.hpp"
#include "util/csv.hpp"
#include "util/strings.hpp"

namespace waihu::util {

Cell Cell::date(std::string ymd) {
  Cell c(std::move(ymd));
  if (is_valid_date(c.text)) c.kind = Kind::kDate;
  return c;
}

std::string cell_text(const Cell& c) {
  switch (c.kind) {
    case Cell::Kind::kText:
    case Cell::Kind::kDate:
      return c.text;
    case Cell::Kind::kInteger:
      return std::to_string(c.value);
    case Cell::Kind::kHundredths:
      return format_yuan(c.value);
    case Cell::Kind::kDateTime: {
      std::string s = format_iso_utc(c.value);
      s[10] = ' ';
      s.pop_back();  // the Z
      return s;
    }
  }
  return c.text;
}

namespace {

class CsvSink final : public SheetWriter {
 public:
  explicit CsvSink(const std::string& path) : out_(path, std::ios::binary | std::ios::trunc) {
    if (!out_) throw std::runtime_error("cannot write " + path);
    out_ << "\xEF\xBB\xBF";
  }
  void row(const std::vector<Cell>& cells) override {
    text_.clear();
    for (const auto& c : cells) text_.push_back(cell_text(c));
    buf_.clear();
    append_csv_record(buf_, text_);
    out_ << buf_;
  }
  void close() override { out_.close(); }

 private:
  std::ofstream out_;
  std::vector<std::string> text_;
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
    yuan_ = workbook_add_format(book_);
    format_set_num_format(yuan_, "#,##0.00");
    date_time_ = workbook_add_format(book_);
    format_set_num_format(date_time_, "yyyy-mm-dd hh:mm:ss");
    date_ = workbook_add_format(book_);
    format_set_num_format(date_, "yyyy-mm-dd");
    worksheet_freeze_panes(sheet_, 1, 0);
    worksheet_set_column(sheet_, 0, 30, 16, nullptr);
  }
  ~XlsxSink() override {
    if (book_) workbook_close(book_);
  }
  void row(const std::vector<Cell>& cells) override {
    for (size_t i = 0; i < cells.size(); ++i) write(static_cast<lxw_col_t>(i), cells[i]);
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
  void write(lxw_col_t col, const Cell& c) {
    switch (c.kind) {
      case Cell::Kind::kText: {
        if (c.text.empty()) return;
        const std::string text = spreadsheet_safe(c.text);
        worksheet_write_string(sheet_, row_, col, text.c_str(), row_ == 0 ? bold_ : nullptr);
        return;
      }
      case Cell::Kind::kInteger:
        worksheet_write_number(sheet_, row_, col, static_cast<double>(c.value), nullptr);
        return;
      case Cell::Kind::kHundredths:
        // A double holds every amount below 2^53 hundredths closely enough to show it exactly to two decimals.
        worksheet_write_number(sheet_, row_, col, static_cast<double>(c.value) / 100.0, yuan_);
        return;
      case Cell::Kind::kDateTime:
      case Cell::Kind::kDate: {
        lxw_datetime dt = c.kind == Cell::Kind::kDate ? date_of(c.text) : date_time_of(c.value);
        worksheet_write_datetime(sheet_, row_, col, &dt, c.kind == Cell::Kind::kDate ? date_ : date_time_);
        return;
      }
    }
  }
  static lxw_datetime date_of(const std::string& ymd) {
    return lxw_datetime{
        std::stoi(ymd.substr(0, 4)), std::stoi(ymd.substr(5, 2)), std::stoi(ymd.substr(8, 2)), 0, 0, 0.0};
  }
  static lxw_datetime date_time_of(long long local_seconds) {
    const std::string s = format_iso_utc(local_seconds);  // "YYYY-MM-DDTHH:MM:SSZ"
    lxw_datetime dt = date_of(s);
    dt.hour = std::stoi(s.substr(11, 2));
    dt.min = std::stoi(s.substr(14, 2));
    dt.sec = std::stoi(s.substr(17, 2));
    return dt;
  }
  lxw_format* bold_ = nullptr;
  lxw_format* yuan_ = nullptr;
  lxw_format* date_time_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_row_t row_ = 0;
};
}  // namespace

std::unique_ptr<SheetWriter> open_sheet(const std::string& path, SheetFormat format, const std::string& sheet_name) {
  if (format == SheetFormat::kCsv) return std::make_unique<CsvSink>(path);
  return std::make_unique<XlsxSink>(path, sheet_name);
}

std::unique_ptr<SheetWriter> open_sheet(const SheetTarget& target, Label sheet_name) {
  return open_sheet(target.path, target.format, std::string(sheet_name.in(target.lang)));
}

std::vector<Cell> header_row(const std::vector<Label>& labels, Lang lang) {
  std::vector<Cell> out;
  out.reserve(labels.size());
  for (const auto& l : labels) out.emplace_back(std::string(l.in(lang)));
  return out;
}

}  // namespace waihu::util
