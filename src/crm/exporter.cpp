#include "crm/exporter.hpp"

#include <fstream>
#include <functional>
#include <unordered_map>

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "crm/rules.hpp"
#include "org/rules.hpp"
#include "util/clock.hpp"
#include "util/sheet_writer.hpp"
#include "util/strings.hpp"

namespace waihu::crm {

namespace {
const std::vector<std::string> kHeaders{"编号", "单位名称", "联系人", "职务", "电话",       "归属地",   "传真",
                                        "行业", "地区",     "规模",   "人数", "信息化现状", "来源",     "需求",
                                        "等级", "状态",     "负责人", "标签", "备注",       "创建时间", "更新时间"};

}  // namespace

long long CustomerExporter::write(const org::Actor& actor, const CustomerFilter& filter,
                                  const nlohmann::json& filter_description, util::SheetFormat format,
                                  const std::string& path) {
  if (!org::has_right(actor.role, org::Right::kExportCustomers)) {
    throw Forbidden("auth.forbidden", "无权导出客户 / you may not export customers");
  }
  auto sink = util::open_sheet(path, format, "客户");
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
    audit::record_export(sql, clock_.now(), org::audit_actor(actor), "customer", filter_description, rows,
                         util::sheet_format_name(format));
  });
  return rows;
}

}  // namespace waihu::crm
