#include "crm/import_mapping.hpp"

#include <array>
#include <stdexcept>

#include "util/strings.hpp"

namespace waihu::crm {

namespace {
struct FieldName {
  ImportField field;
  std::string_view name;
};
constexpr std::array<FieldName, 18> kFieldNames{{{ImportField::kCompany, "company"},
                                                 {ImportField::kContactName, "contact_name"},
                                                 {ImportField::kTitle, "title"},
                                                 {ImportField::kPhones, "phones"},
                                                 {ImportField::kFax, "fax"},
                                                 {ImportField::kIndustry, "industry"},
                                                 {ImportField::kRegion, "region"},
                                                 {ImportField::kSize, "size"},
                                                 {ImportField::kHeadcount, "headcount"},
                                                 {ImportField::kItStatus, "it_status"},
                                                 {ImportField::kSource, "source"},
                                                 {ImportField::kNeeds, "needs"},
                                                 {ImportField::kGrade, "grade"},
                                                 {ImportField::kStatus, "status"},
                                                 {ImportField::kTags, "tags"},
                                                 {ImportField::kNotes, "notes"},
                                                 {ImportField::kOwner, "owner"},
                                                 {ImportField::kIgnore, "ignore"}}};

struct Alias {
  std::string_view header;  // normalised: lower-case, no spaces, no * or colon
  ImportField field;
};
constexpr Alias kAliases[] = {
    {"单位名称", ImportField::kCompany},
    {"公司名称", ImportField::kCompany},
    {"公司", ImportField::kCompany},
    {"企业名称", ImportField::kCompany},
    {"单位", ImportField::kCompany},
    {"客户名称", ImportField::kCompany},
    {"公司全称", ImportField::kCompany},
    {"company", ImportField::kCompany},
    {"companyname", ImportField::kCompany},
    {"联系人", ImportField::kContactName},
    {"姓名", ImportField::kContactName},
    {"联系人姓名", ImportField::kContactName},
    {"客户姓名", ImportField::kContactName},
    {"contact", ImportField::kContactName},
    {"contactname", ImportField::kContactName},
    {"name", ImportField::kContactName},
    {"职务", ImportField::kTitle},
    {"职位", ImportField::kTitle},
    {"岗位", ImportField::kTitle},
    {"title", ImportField::kTitle},
    {"jobtitle", ImportField::kTitle},
    {"position", ImportField::kTitle},
    {"电话", ImportField::kPhones},
    {"手机", ImportField::kPhones},
    {"联系电话", ImportField::kPhones},
    {"手机号", ImportField::kPhones},
    {"手机号码", ImportField::kPhones},
    {"电话号码", ImportField::kPhones},
    {"固话", ImportField::kPhones},
    {"座机", ImportField::kPhones},
    {"办公电话", ImportField::kPhones},
    {"联系方式", ImportField::kPhones},
    {"phone", ImportField::kPhones},
    {"phones", ImportField::kPhones},
    {"mobile", ImportField::kPhones},
    {"tel", ImportField::kPhones},
    {"telephone", ImportField::kPhones},
    {"phonenumber", ImportField::kPhones},
    {"传真", ImportField::kFax},
    {"传真号码", ImportField::kFax},
    {"fax", ImportField::kFax},
    {"行业", ImportField::kIndustry},
    {"所属行业", ImportField::kIndustry},
    {"industry", ImportField::kIndustry},
    {"地区", ImportField::kRegion},
    {"区域", ImportField::kRegion},
    {"所在地", ImportField::kRegion},
    {"所在地区", ImportField::kRegion},
    {"省市", ImportField::kRegion},
    {"城市", ImportField::kRegion},
    {"region", ImportField::kRegion},
    {"area", ImportField::kRegion},
    {"city", ImportField::kRegion},
    {"规模", ImportField::kSize},
    {"企业规模", ImportField::kSize},
    {"公司规模", ImportField::kSize},
    {"size", ImportField::kSize},
    {"人数", ImportField::kHeadcount},
    {"员工人数", ImportField::kHeadcount},
    {"人员规模", ImportField::kHeadcount},
    {"headcount", ImportField::kHeadcount},
    {"employees", ImportField::kHeadcount},
    {"信息化现状", ImportField::kItStatus},
    {"信息化", ImportField::kItStatus},
    {"it现状", ImportField::kItStatus},
    {"itstatus", ImportField::kItStatus},
    {"it_status", ImportField::kItStatus},
    {"来源", ImportField::kSource},
    {"客户来源", ImportField::kSource},
    {"数据来源", ImportField::kSource},
    {"source", ImportField::kSource},
    {"需求", ImportField::kNeeds},
    {"客户需求", ImportField::kNeeds},
    {"needs", ImportField::kNeeds},
    {"备注", ImportField::kNotes},
    {"说明", ImportField::kNotes},
    {"notes", ImportField::kNotes},
    {"note", ImportField::kNotes},
    {"remark", ImportField::kNotes},
    {"remarks", ImportField::kNotes},
    {"等级", ImportField::kGrade},
    {"客户等级", ImportField::kGrade},
    {"客户级别", ImportField::kGrade},
    {"grade", ImportField::kGrade},
    {"状态", ImportField::kStatus},
    {"客户状态", ImportField::kStatus},
    {"status", ImportField::kStatus},
    {"标签", ImportField::kTags},
    {"tags", ImportField::kTags},
    {"tag", ImportField::kTags},
    {"负责人", ImportField::kOwner},
    {"所属销售", ImportField::kOwner},
    {"业务员", ImportField::kOwner},
    {"owner", ImportField::kOwner},
};

std::string normalize_header(std::string_view h) {
  std::string out;
  std::string_view t = util::trim(h);
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == ' ' || c == '*' || c == ':' || c == '\t') continue;
    if (t.substr(i).starts_with("：") || t.substr(i).starts_with("＊")) {  // full-width colon / asterisk
      i += 2;
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}
}  // namespace

std::optional<ImportField> import_field_from_name(std::string_view name) {
  for (const auto& f : kFieldNames) {
    if (f.name == name) return f.field;
  }
  return std::nullopt;
}

std::string_view import_field_name(ImportField f) { return kFieldNames[static_cast<size_t>(f)].name; }

std::optional<ImportField> import_field_for_header(std::string_view header) {
  std::string h = normalize_header(header);
  for (const auto& a : kAliases) {
    if (a.header == h) return a.field;
  }
  return import_field_from_name(h);
}

ColumnMapping map_columns(const std::vector<std::string>& headers, std::string_view overrides) {
  ColumnMapping m;
  m.headers = headers;
  for (const auto& h : headers) m.columns.push_back(import_field_for_header(h));
  for (const auto& item : util::split(overrides, ',')) {
    std::string_view spec = util::trim(item);
    if (spec.empty()) continue;
    auto eq = spec.rfind('=');
    if (eq == std::string_view::npos)
      throw std::invalid_argument("--map: '" + std::string(spec) + "' is not col=field");
    std::string col(util::trim(spec.substr(0, eq)));
    std::string fname(util::trim(spec.substr(eq + 1)));
    auto field = import_field_from_name(fname);
    if (!field) throw std::invalid_argument("--map: unknown field '" + fname + "'");
    long long n = 0;
    size_t index = headers.size();
    if (util::parse_int64(col, n) && n >= 1 && static_cast<size_t>(n) <= headers.size()) {
      index = static_cast<size_t>(n - 1);
    } else {
      for (size_t i = 0; i < headers.size(); ++i) {
        if (util::trim(headers[i]) == col) index = i;
      }
    }
    if (index == headers.size()) throw std::invalid_argument("--map: no column '" + col + "' in the header");
    m.columns[index] = field;
  }
  for (size_t i = 0; i < headers.size(); ++i) {
    if (!m.columns[i] && !util::trim(headers[i]).empty()) m.unknown_headers.push_back(headers[i]);
  }
  bool has_phone = false;
  for (const auto& c : m.columns) has_phone = has_phone || c == ImportField::kPhones;
  if (!has_phone) {
    throw std::invalid_argument("no phone column (电话/手机/联系电话/phone); name one with --map 'header=phones'");
  }
  return m;
}

}  // namespace waihu::crm
