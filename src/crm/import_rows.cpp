#include "crm/import_rows.hpp"

#include "crm/import_report.hpp"
#include "util/strings.hpp"

namespace waihu::crm {

std::optional<DedupeMode> parse_dedupe_mode(std::string_view s) {
  if (s == "skip") return DedupeMode::kSkip;
  if (s == "update") return DedupeMode::kUpdate;
  if (s == "flag") return DedupeMode::kFlag;
  return std::nullopt;
}

namespace {
std::vector<std::string> split_tags(std::string_view cell) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i <= cell.size(); ++i) {
    bool end = i == cell.size();
    bool ascii_sep = !end && (cell[i] == ',' || cell[i] == ';' || cell[i] == '|' || cell[i] == ' ');
    bool wide_sep = !end && (cell.substr(i).starts_with("，") || cell.substr(i).starts_with("、") ||
                             cell.substr(i).starts_with("；"));
    if (end || ascii_sep || wide_sep) {
      if (!util::trim(cur).empty()) out.emplace_back(util::trim(cur));
      cur.clear();
      if (wide_sep) i += 2;
    } else {
      cur += cell[i];
    }
  }
  return out;
}

std::optional<std::string>* text_slot(CustomerInput& in, ImportField f) {
  switch (f) {
    case ImportField::kCompany:
      return &in.company;
    case ImportField::kContactName:
      return &in.contact_name;
    case ImportField::kTitle:
      return &in.title;
    case ImportField::kFax:
      return &in.fax;
    case ImportField::kIndustry:
      return &in.industry;
    case ImportField::kRegion:
      return &in.region;
    case ImportField::kSize:
      return &in.size;
    case ImportField::kHeadcount:
      return &in.headcount;
    case ImportField::kItStatus:
      return &in.it_status;
    case ImportField::kSource:
      return &in.source;
    case ImportField::kNeeds:
      return &in.needs;
    case ImportField::kGrade:
      return &in.grade;
    case ImportField::kStatus:
      return &in.status;
    case ImportField::kNotes:
      return &in.notes;
    default:
      return nullptr;
  }
}

// The row's cells as CustomerInput. `only_filled`: leave empty cells out (an update must not blank fields).
CustomerInput input_from_row(const util::CsvRecord& rec, const ColumnMapping& m, bool only_filled,
                             std::string* owner_cell) {
  CustomerInput in;
  in.phones.emplace();
  for (size_t i = 0; i < m.columns.size() && i < rec.fields.size(); ++i) {
    if (!m.columns[i]) continue;
    const std::string& cell = rec.fields[i];
    bool empty = util::trim(cell).empty();
    ImportField f = *m.columns[i];
    if (f == ImportField::kPhones) {
      if (!empty) in.phones->push_back(cell);
    } else if (f == ImportField::kTags) {
      if (!empty || !only_filled) in.tags = split_tags(cell);
    } else if (f == ImportField::kOwner) {
      if (owner_cell) *owner_cell = std::string(util::trim(cell));
    } else if (auto* slot = text_slot(in, f)) {
      if (empty && only_filled) continue;
      if (*slot && !empty && !util::trim(**slot).empty()) {
        **slot += " " + cell;  // two columns for one field (地区 + 城市): keep both
      } else if (!*slot || !empty) {
        *slot = cell;
      }
    }
  }
  return in;
}
}  // namespace

std::string column_of(const ColumnMapping& m, const std::string& field) {
  for (size_t i = 0; i < m.columns.size(); ++i) {
    if (m.columns[i] && import_field_name(*m.columns[i]) == field) return m.headers[i];
  }
  return field;
}

CustomerInput filled_cells(const util::CsvRecord& record, const ColumnMapping& mapping) {
  return input_from_row(record, mapping, true, nullptr);
}

ParsedRow parse_customer_row(util::CsvRecord record, const ColumnMapping& mapping,
                             std::optional<long long> default_owner, const OwnerResolver& owners,
                             const PhoneNormalizer& phones) {
  ParsedRow row;
  auto reject = [&](std::string column, std::string reason) {
    row.candidate = RowRejection{std::move(column), std::move(reason)};
  };
  if (!record.error.empty()) {
    reject("", record.error);
  } else if (record.fields.size() != mapping.headers.size()) {
    std::string have = std::to_string(record.fields.size()), want = std::to_string(mapping.headers.size());
    reject("", "本行有 " + have + " 列，表头有 " + want + " 列 / row has " + have + " fields, header has " + want);
  } else {
    std::string owner_cell;
    row.input = input_from_row(record, mapping, false, &owner_cell);
    Customer base;
    base.owner_id = default_owner;
    if (!owner_cell.empty()) base.owner_id = owners(owner_cell);
    Customer c;
    if (!owner_cell.empty() && !base.owner_id) {
      reject(column_of(mapping, "owner"), "负责人 " + owner_cell + " 不存在或已停用 / no such active user");
    } else if (auto e = apply_customer_input(row.input, base, phones, c)) {
      reject(column_of(mapping, e->field), e->reason);
    } else {
      row.candidate = std::move(c);
    }
  }
  row.record = std::move(record);
  return row;
}

}  // namespace waihu::crm
