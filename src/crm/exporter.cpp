#include "crm/exporter.hpp"

#include <xlsxwriter.h>

#include <fstream>
#include <functional>
#include <unordered_map>

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "crm/rules.hpp"
#include "org/rules.hpp"
#include "util/clock.hpp"
#include "util/csv.hpp"
#include "util/strings.hpp"

namespace waihu::crm {

namespace {
const std::vector<std::string> kHeaders{"编号", "单位名称", "联系人", "职务", "电话",       "归属地",   "传真",
                                        "行业", "地区",     "规模",   "人数", "信息化现状", "来源",     "需求",
                                        "等级", "状态",     "负责人", "标签", "备注",       "创建时间", "更新时间"};

// One sink per format, fed row by row so memory stays flat however long the list.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void row(const std::vector<std::string>& cells) = 0;
  virtual void close() = 0;
};

class CsvSink final : public Sink {
 public:
  explicit CsvSink(const std::string& path) : out_(path, std::ios::binary | std::ios::trunc) {
    if (!out_) throw std::runtime_error("cannot write " + path);
    out_ << "\xEF\xBB\xBF";
  }
  void row(const std::vector<std::string>& cells) override {
    buf_.clear();
    util::append_csv_record(buf_, cells);
    out_ << buf_;
  }
  void close() override { out_.close(); }

 private:
  std::ofstream out_;
  std::string buf_;
};

class XlsxSink final : public Sink {
 public:
  explicit XlsxSink(const std::string& path) {
    // constant_memory: rows are flushed as written, so a million rows do not sit in memory.
    lxw_workbook_options options{LXW_TRUE, nullptr, LXW_FALSE};
    book_ = workbook_new_opt(path.c_str(), &options);
    if (!book_) throw std::runtime_error("cannot write " + path);
    sheet_ = workbook_add_worksheet(book_, "客户");
    bold_ = workbook_add_format(book_);
    format_set_bold(bold_);
    worksheet_freeze_panes(sheet_, 1, 0);
    worksheet_set_column(sheet_, 1, 1, 30, nullptr);
    worksheet_set_column(sheet_, 4, 4, 28, nullptr);
  }
  ~XlsxSink() override {
    if (book_) workbook_close(book_);
  }
  void row(const std::vector<std::string>& cells) override {
    for (size_t c = 0; c < cells.size(); ++c) {
      worksheet_write_string(sheet_, row_, static_cast<lxw_col_t>(c), cells[c].c_str(), row_ == 0 ? bold_ : nullptr);
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

long long CustomerExporter::write(const org::Actor& actor, const CustomerFilter& filter,
                                  const nlohmann::json& filter_description, ExportFormat format,
                                  const std::string& path) {
  if (!org::has_right(actor.role, org::Right::kExportCustomers)) {
    throw Forbidden("auth.forbidden", "无权导出客户 / you may not export customers");
  }
  std::unique_ptr<Sink> sink;
  if (format == ExportFormat::kCsv) {
    sink = std::make_unique<CsvSink>(path);
  } else {
    sink = std::make_unique<XlsxSink>(path);
  }
  sink->row(kHeaders);
  std::unordered_map<long long, std::string> usernames;
  auto username = [&](std::optional<long long> id) -> std::string {
    if (!id) return "";
    auto it = usernames.find(*id);
    if (it != usernames.end()) return it->second;
    return usernames[*id] = org_.get_user(nullptr, *id).username;
  };
  long long rows = 0;
  std::string cursor;
  do {
    auto page = customers_.list(actor, filter, cursor, kMaxPageSize);
    for (const auto& c : page.items) {
      std::vector<std::string> phones, places;
      for (const auto& p : c.phones) {
        phones.push_back(p.e164.starts_with("+") ? national_digits(p.e164) : p.e164);
        places.push_back(p.province + p.city);
      }
      sink->row({std::to_string(c.id),
                 c.company,
                 c.contact_name,
                 c.title,
                 util::join(phones, "/"),
                 util::join(places, "/"),
                 c.fax,
                 c.industry,
                 c.region,
                 c.size,
                 c.headcount ? std::to_string(*c.headcount) : "",
                 c.it_status,
                 c.source,
                 c.needs,
                 c.grade,
                 std::string(status_label_zh(c.status)),
                 username(c.owner_id),
                 util::join(c.tags, ","),
                 c.notes,
                 util::format_iso_utc(c.created_at),
                 util::format_iso_utc(c.updated_at)});
      ++rows;
    }
    cursor = page.next_cursor.value_or("");
  } while (!cursor.empty());
  sink->close();
  db_.write([&](soci::session& sql) {
    audit::record(
        sql,
        {0,
         clock_.now(),
         org::audit_actor(actor),
         "customer.export",
         "customer",
         std::nullopt,
         nullptr,
         nullptr,
         {{"filter", filter_description}, {"rows", rows}, {"format", format == ExportFormat::kCsv ? "csv" : "xlsx"}}});
  });
  return rows;
}

}  // namespace waihu::crm
