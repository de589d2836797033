#include "app/import_templates.hpp"

#include "core/errors.hpp"
#include "http/download.hpp"

namespace waihu::app {

namespace {
// Headers are ones each importer reads (docs/cdr-import.md, docs/deal-import.md, the customer importer's aliases).
const ImportTemplate kTemplates[] = {
    {"customers",
     {"客户导入模板", "customer-import-template"},
     {{"单位名称", "company"},
      {"联系人", "contact"},
      {"职务", "title"},
      {"电话", "phones"},
      {"传真", "fax"},
      {"行业", "industry"},
      {"地区", "region"},
      {"规模", "size"},
      {"人数", "headcount"},
      {"信息化现状", "it_status"},
      {"来源", "source"},
      {"需求", "needs"},
      {"等级", "grade"},
      {"状态", "status"},
      {"标签", "tags"},
      {"备注", "notes"},
      {"负责人", "owner"}},
     {{"杭州示例科技有限公司", "Example Tech Co., Ltd."},
      {"张三", "Zhang San"},
      {"采购经理", "Purchasing manager"},
      {"138 0013 8000", "138 0013 8000"},
      {"", ""},
      {"软件", "Software"},
      {"杭州", "Hangzhou"},
      {"50-99人", "50-99"},
      {"80", "80"},
      {"已有ERP", "Has an ERP"},
      {"展会", "Trade fair"},
      {"OA系统", "Office automation"},
      {"B", "B"},
      {"新客户", "New"},
      {"展会,重点", "fair,key"},
      {"示例行：导入前请改成真实数据或删除", "Example row: replace with real data or delete before importing"},
      {"", ""}}},
    {"calls",
     {"话单导入模板", "call-import-template"},
     {{"坐席", "agent"},
      {"号码", "number"},
      {"开始时间", "start"},
      {"结果", "result"},
      {"通话时长", "talk_seconds"},
      {"振铃秒数", "ring_seconds"},
      {"通话编号", "id"},
      {"录音", "recording"},
      {"方向", "direction"}},
     {{"8001", "8001"},
      {"138 0013 8000", "138 0013 8000"},
      {"2026-11-24 10:30:00", "2026-11-24 10:30:00"},
      {"接通", "connected"},
      {"95", "95"},
      {"8", "8"},
      {"1732415400.1", "1732415400.1"},
      {"", ""},
      {"呼出", "outbound"}}},
    {"deals",
     {"成交导入模板", "deal-import-template"},
     {{"合同编号", "contract_no"},
      {"客户电话", "customer_phone"},
      {"成交坐席", "agent"},
      {"商务代表", "field_rep"},
      {"产品", "product"},
      {"成交金额", "amount"},
      {"成交日期", "closed_on"},
      {"回款金额", "paid_amount"},
      {"回款日期", "paid_on"},
      {"备注", "notes"}},
     {{"HT-2026-001", "HT-2026-001"},
      {"138 0013 8000", "138 0013 8000"},
      {"agent01", "agent01"},
      {"", ""},
      {"OA系统标准版", "OA standard edition"},
      {"12800.00", "12800.00"},
      {"2026-11-24", "2026-11-24"},
      {"6400.00", "6400.00"},
      {"2026-11-25", "2026-11-25"},
      {"示例行：导入前请改成真实数据或删除", "Example row: replace with real data or delete before importing"}}},
};
}  // namespace

std::optional<ImportTemplate> import_template(std::string_view kind) {
  for (const auto& t : kTemplates) {
    if (t.kind == kind) return t;
  }
  return std::nullopt;
}

void write_template(const ImportTemplate& t, const util::SheetTarget& target) {
  auto sheet = util::open_sheet(target, t.file_name);
  sheet->row(util::header_row(t.headers, target.lang));
  sheet->row(util::header_row(t.example, target.lang));
  sheet->close();
}

void register_template_routes(http::Router& router, const std::string& data_dir) {
  router.add("GET", "/api/v1/imports/templates/{kind}", [&data_dir](http::Context& c) {
    c.allow_query({"format", "lang"});
    auto t = import_template(c.param("kind"));
    if (!t) throw NotFound("import.no_template", "没有这种导入模板 / no such import template", {{"field", "kind"}});
    return http::sheet_download(
        data_dir, c, t->file_name, "", [&](const util::SheetTarget& target) { write_template(*t, target); }, false);
  });
}

}  // namespace waihu::app
