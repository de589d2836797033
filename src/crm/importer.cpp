#include "crm/importer.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <unordered_map>

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "crm/customer_input.hpp"
#include "crm/duplicates.hpp"
#include "crm/import_mapping.hpp"
#include "crm/json.hpp"
#include "crm/store.hpp"
#include "org/rules.hpp"
#include "util/csv.hpp"
#include "util/encoding.hpp"
#include "util/strings.hpp"

namespace waihu::crm {

std::optional<DedupeMode> parse_dedupe_mode(std::string_view s) {
  if (s == "skip") return DedupeMode::kSkip;
  if (s == "update") return DedupeMode::kUpdate;
  if (s == "flag") return DedupeMode::kFlag;
  return std::nullopt;
}

namespace {

// Rows that did not go in, as CSV with the line and reason, to fix and re-import.
class RejectsFile {
 public:
  RejectsFile(const std::string& path, const std::vector<std::string>& headers) {
    if (path.empty()) return;
    out_.open(path, std::ios::binary | std::ios::trunc);
    if (!out_) throw BadRequest::field("rejects", "cannot write " + path);
    std::vector<std::string> h = headers;
    h.push_back("错误行号/line");
    h.push_back("原因/reason");
    std::string buf = "\xEF\xBB\xBF";  // BOM: Excel then opens the UTF-8 file correctly
    util::append_csv_record(buf, h);
    out_ << buf;
  }
  void add(const util::CsvRecord& rec, const std::string& reason) {
    if (!out_.is_open()) return;
    std::vector<std::string> f = rec.fields;
    f.push_back(std::to_string(rec.line));
    f.push_back(reason);
    std::string buf;
    util::append_csv_record(buf, f);
    out_ << buf;
  }

 private:
  std::ofstream out_;
};

std::vector<std::string> split_tags(std::string_view cell) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i <= cell.size(); ++i) {
    bool end = i == cell.size();
    bool sep = !end && (cell[i] == ',' || cell[i] == ';' || cell[i] == '|' || cell[i] == ' ');
    bool wide = !end && (cell.substr(i).starts_with("，") || cell.substr(i).starts_with("、") ||
                         cell.substr(i).starts_with("；"));
    if (end || sep || wide) {
      if (!util::trim(cur).empty()) out.emplace_back(util::trim(cur));
      cur.clear();
      if (wide) i += 2;
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

// A row as CustomerInput. `only_filled`: leave empty cells out (an update must not blank existing fields).
CustomerInput input_from_row(const util::CsvRecord& rec, const ColumnMapping& m, bool only_filled,
                             std::string& owner_cell) {
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
      owner_cell = std::string(util::trim(cell));
    } else if (auto* slot = text_slot(in, f)) {
      if (empty && only_filled) continue;
      if (*slot && !empty) {
        **slot += " " + cell;  // two columns for one field (地区 + 城市): keep both
      } else if (!*slot || !empty) {
        *slot = cell;
      }
    }
  }
  return in;
}

std::string column_of(const ColumnMapping& m, const std::string& field) {
  for (size_t i = 0; i < m.columns.size(); ++i) {
    if (m.columns[i] && import_field_name(*m.columns[i]) == field) return m.headers[i];
  }
  return field;
}

}  // namespace

ImportReport CustomerImporter::run(const org::Actor* actor, const std::string& path, const ImportOptions& opt) {
  if (actor && !org::has_right(actor->role, org::Right::kImportCustomers)) {
    throw Forbidden("auth.forbidden", "无权导入客户 / you may not import customers");
  }
  if (opt.owner_username && opt.pool) {
    throw BadRequest::field("owner", "--owner 与 --pool 只能选一个 / choose --owner or --pool, not both");
  }
  ImportReport report;
  util::Encoding enc;
  try {
    enc = util::detect_file_encoding(path);
  } catch (const std::exception& e) {
    throw BadRequest("import.unreadable", std::string("无法读取文件 / cannot read the file: ") + e.what());
  }
  report.encoding = std::string(util::encoding_name(enc));
  util::Utf8FileReader file(path, enc);
  util::CsvReader csv([&](std::string& chunk) { return file.read(chunk); });

  util::CsvRecord header;
  if (!csv.next(header)) throw BadRequest("import.empty", "文件为空 / the file is empty", {{"field", "file"}});
  if (!header.error.empty()) {
    throw BadRequest("import.bad_header", "表头无法读取 / the header row cannot be read: " + header.error,
                     {{"line", header.line}});
  }
  ColumnMapping mapping;
  try {
    mapping = map_columns(header.fields, opt.map);
  } catch (const std::invalid_argument& e) {
    throw BadRequest("import.mapping", e.what(), {{"field", "map"}, {"headers", header.fields}});
  }
  for (size_t i = 0; i < mapping.columns.size(); ++i) {
    if (mapping.columns[i]) report.mapping[mapping.headers[i]] = std::string(import_field_name(*mapping.columns[i]));
  }
  report.unknown_headers = mapping.unknown_headers;

  // Who owns the imported rows by default, and owners named in the sheet (by username), looked up once each.
  std::optional<long long> default_owner;
  std::unordered_map<std::string, std::optional<long long>> owners;
  auto owner_id_for = [&](const std::string& username) -> std::optional<long long> {
    auto it = owners.find(username);
    if (it != owners.end()) return it->second;
    auto u = org_.find_user(username);
    std::optional<long long> id;
    if (u && !u->disabled) {
      try {
        if (actor) org_.get_user(actor, u->id);  // must be inside the importer's scope
        id = u->id;
      } catch (const NotFound&) {
      }
    }
    return owners[username] = id;
  };
  if (opt.owner_username) {
    default_owner = owner_id_for(*opt.owner_username);
    if (!default_owner) {
      throw BadRequest::field("owner", "负责人 " + *opt.owner_username + " 不存在或已停用 / no such active user");
    }
  } else if (!opt.pool && actor && org::data_scope(actor->role) == org::Scope::kOwn) {
    default_owner = actor->user_id;
  }

  RejectsFile rejects(opt.rejects_path, header.fields);
  auto reject = [&](const util::CsvRecord& rec, const std::string& column, const std::string& reason) {
    ++report.rejected;
    if (report.errors.size() < kMaxReportedErrors) {
      report.errors.push_back({rec.line, column, reason});
    } else {
      report.errors_truncated = true;
    }
    rejects.add(rec, reason);
  };
  const long long now = clock_.now();
  const std::optional<long long> actor_id = actor ? std::optional<long long>(actor->user_id) : std::nullopt;

  report.committed = db_.write_if([&](soci::session& sql) {
    store::CustomerWriter writer(sql);
    // (customer id, line) of rows created by this import, ids ascending: tells in-file duplicates apart.
    std::vector<std::pair<long long, size_t>> created_lines;
    util::CsvRecord rec;
    while (csv.next(rec)) {
      ++report.read;
      if (!rec.error.empty()) {
        reject(rec, "", rec.error);
        continue;
      }
      if (rec.fields.size() != mapping.headers.size()) {
        reject(rec, "",
               "本行有 " + std::to_string(rec.fields.size()) + " 列，表头有 " + std::to_string(mapping.headers.size()) +
                   " 列 / row has " + std::to_string(rec.fields.size()) + " fields, header has " +
                   std::to_string(mapping.headers.size()));
        continue;
      }
      std::string owner_cell;
      CustomerInput in = input_from_row(rec, mapping, false, owner_cell);
      Customer base;
      base.owner_id = default_owner;
      if (!owner_cell.empty()) {
        base.owner_id = owner_id_for(owner_cell);
        if (!base.owner_id) {
          reject(rec, column_of(mapping, "owner"), "负责人 " + owner_cell + " 不存在或已停用 / no such active user");
          continue;
        }
      }
      // dedupe=update: a row whose phone is already held fills in that customer; it need not repeat the name.
      if (opt.dedupe == DedupeMode::kUpdate) {
        std::optional<store::Holder> held;
        for (const auto& cell : *in.phones) {
          for (const auto& raw : split_phone_list(cell)) {
            if (auto p = phones_.normalize(raw); p.phone && !held) held = store::phone_holder(sql, p.phone->e164);
          }
        }
        if (held) {
          auto existing = store::customer_by_id(sql, held->customer_id);
          std::string ignored;
          CustomerInput fill = input_from_row(rec, mapping, true, ignored);
          for (const auto& p : existing->phones) fill.phones->insert(fill.phones->begin(), p.e164);
          Customer merged;
          if (auto e = apply_customer_input(fill, *existing, phones_, merged)) {
            reject(rec, column_of(mapping, e->field), e->reason);
            continue;
          }
          if (auto clash = find_duplicate(sql, merged, merged.id); clash && clash->reason == "phone") {
            reject(rec, column_of(mapping, "phones"),
                   "号码 " + clash->matched + " 属于另一客户 / belongs to another customer");
            continue;
          }
          merged.updated_at = now;
          writer.update(merged);
          audit::record(sql, {0, now, actor_id, "customer.update", "customer", merged.id, to_json(*existing),
                              to_json(merged), {{"origin", "import"}, {"line", rec.line}}});
          ++report.updated;
          continue;
        }
      }
      Customer c;
      if (auto e = apply_customer_input(in, base, phones_, c)) {
        reject(rec, column_of(mapping, e->field), e->reason);
        continue;
      }
      c.created_by = actor_id;
      c.created_at = c.updated_at = now;
      auto dup = find_duplicate(sql, c, 0);
      if (!dup) {
        writer.insert(c);
        created_lines.emplace_back(c.id, rec.line);
        ++report.created;
        continue;
      }
      // A duplicate: of an earlier line of this file, or of a customer already in the store.
      std::string what;
      auto earlier = std::lower_bound(created_lines.begin(), created_lines.end(),
                                      std::pair<long long, size_t>{dup->holder.customer_id, 0});
      if (earlier != created_lines.end() && earlier->first == dup->holder.customer_id) {
        what = "与第 " + std::to_string(earlier->second) + " 行重复 / duplicate of line " +
               std::to_string(earlier->second);
      } else {
        what = std::string(dup->reason == "phone" ? "号码" : "公司") + "已存在于客户 #" +
               std::to_string(dup->holder.customer_id) + " / " + dup->reason + " already held by customer #" +
               std::to_string(dup->holder.customer_id);
      }
      ++report.duplicates;
      if (opt.dedupe == DedupeMode::kFlag && dup->is_claim(c.owner_id)) {
        open_claim(sql, *dup, c, "import", actor_id, now);
        ++report.claims;
        what += "，已登记撞单 / duplicate claim opened";
      }
      rejects.add(rec, what);
    }
    audit::record(sql, {0, now, actor_id, "customer.import", "customer", std::nullopt, nullptr, nullptr,
                        {{"file", opt.file_label.empty() ? path : opt.file_label},
                         {"encoding", report.encoding},
                         {"read", report.read},
                         {"created", report.created},
                         {"updated", report.updated},
                         {"duplicates", report.duplicates},
                         {"rejected", report.rejected},
                         {"partial", opt.partial}}});
    return !opt.dry_run && (opt.partial || report.rejected == 0);
  });
  if (!report.committed && !opt.dry_run) {
    // All-or-nothing: nothing went in, so nothing was created or updated.
    report.created = report.updated = report.claims = 0;
  }
  return report;
}

}  // namespace waihu::crm
