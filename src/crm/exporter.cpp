#include "crm/exporter.hpp"

#include <fstream>
#include <functional>
#include <unordered_map>

#include "audit/service.hpp"
#include "calendar/company_time.hpp"
#include "core/errors.hpp"
#include "crm/rules.hpp"
#include "org/rules.hpp"
#include "util/sheet_writer.hpp"
#include "util/strings.hpp"

namespace waihu::crm {

namespace {
// The importer reads these headers back, in either language.
const std::vector<util::Label> kHeaders{{"编号", "ID"},
                                        {"单位名称", "Company"},
                                        {"联系人", "Contact"},
                                        {"职务", "Title"},
                                        {"电话", "Phones"},
                                        {"归属地", "Location"},
                                        {"传真", "Fax"},
                                        {"行业", "Industry"},
                                        {"地区", "Region"},
                                        {"规模", "Size"},
                                        {"人数", "Headcount"},
                                        {"信息化现状", "IT status"},
                                        {"来源", "Source"},
                                        {"需求", "Needs"},
                                        {"等级", "Grade"},
                                        {"状态", "Status"},
                                        {"负责人", "Owner"},
                                        {"标签", "Tags"},
                                        {"备注", "Notes"},
                                        {"下次跟进", "Next follow-up"},
                                        {"最近联系", "Last contact"},
                                        {"创建时间", "Created"},
                                        {"更新时间", "Updated"}};
}  // namespace

long long CustomerExporter::write(const org::Actor& actor, const CustomerFilter& filter,
                                  const nlohmann::json& filter_description, const util::SheetTarget& target) {
  if (!org::has_right(actor.role, org::Right::kExportCustomers)) {
    throw Forbidden("auth.forbidden", "无权导出客户 / you may not export customers");
  }
  using util::Cell;
  auto sink = util::open_sheet(target, {"客户", "Customers"});
  sink->row(util::header_row(kHeaders, target.lang));
  long long rows = 0;
  std::string cursor;
  do {
    auto page = customers_.list(actor, filter, cursor, kMaxPageSize);
    std::vector<long long> owner_ids;
    for (const auto& c : page.items) {
      if (c.owner_id) owner_ids.push_back(*c.owner_id);
    }
    auto owners = org_.people_names(owner_ids);
    auto owner = [&](const std::optional<long long>& id) -> std::string {
      if (!id) return "";
      auto it = owners.find(*id);
      return it == owners.end() ? std::to_string(*id) : it->second.label();
    };
    for (const auto& c : page.items) {
      std::vector<std::string> phones, places;
      for (const auto& p : c.phones) {
        phones.push_back(p.e164.starts_with("+") ? national_digits(p.e164) : p.e164);
        places.push_back(p.province + p.city);
      }
      sink->row({Cell::integer(c.id),
                 c.company,
                 c.contact_name,
                 c.title,
                 util::join(phones, "/"),
                 util::join(places, "/"),
                 c.fax,
                 c.industry,
                 c.region,
                 c.size,
                 c.headcount ? Cell::integer(*c.headcount) : Cell::blank(),
                 c.it_status,
                 c.source,
                 c.needs,
                 c.grade,
                 std::string(status_label(c.status).in(target.lang)),
                 owner(c.owner_id),
                 util::join(c.tags, ","),
                 c.notes,
                 c.next_follow_up_on.empty() ? Cell::blank() : Cell::date(c.next_follow_up_on),
                 c.last_contact_at ? Cell::wall_time(time_.wall_seconds(*c.last_contact_at)) : Cell::blank(),
                 Cell::wall_time(time_.wall_seconds(c.created_at)),
                 Cell::wall_time(time_.wall_seconds(c.updated_at))});
      ++rows;
    }
    cursor = page.next_cursor.value_or("");
  } while (!cursor.empty());
  sink->close();
  db_.write([&](soci::session& sql) {
    audit::record_export(sql, time_.now(), org::audit_actor(actor), "customer", filter_description, rows,
                         util::sheet_format_name(target.format));
  });
  return rows;
}

}  // namespace waihu::crm
