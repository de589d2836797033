#include "crm/importer.hpp"

#include <algorithm>
#include <charconv>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "crm/access.hpp"
#include "crm/customer_input.hpp"
#include "crm/duplicates.hpp"
#include "crm/import_mapping.hpp"
#include "crm/import_rows.hpp"
#include "crm/json.hpp"
#include "crm/store.hpp"
#include "org/rules.hpp"
#include "util/batch_pipeline.hpp"
#include "util/csv.hpp"
#include "util/encoding.hpp"
#include "util/import_sheet.hpp"
#include "util/strings.hpp"

namespace waihu::crm {

namespace {

// The phones and owned-company keys that may already be in the store (or earlier in the file), so the store is
// asked only about rows that may be duplicates. The unique index on phones stays the real guard.
class KnownKeys {
 public:
  explicit KnownKeys(soci::session& sql) {
    store::each_phone(sql, [&](const std::string& e164) { phones_.insert(phone_key(e164)); });
    store::each_owned_company(sql, [&](const std::string& key) { companies_.insert(std::hash<std::string>{}(key)); });
  }
  bool may_hold_phone(const std::string& e164) const { return phones_.count(phone_key(e164)) > 0; }
  bool may_hold(const Customer& c) const {
    for (const auto& p : c.phones) {
      if (may_hold_phone(p.e164)) return true;
    }
    return !c.company_norm.empty() && companies_.count(std::hash<std::string>{}(c.company_norm)) > 0;
  }
  void add(const Customer& c) {
    for (const auto& p : c.phones) phones_.insert(phone_key(p.e164));
    if (c.owner_id && !c.company_norm.empty()) companies_.insert(std::hash<std::string>{}(c.company_norm));
  }

 private:
  // E.164 has at most 15 digits: the number itself is the key.
  static unsigned long long phone_key(const std::string& e164) {
    unsigned long long v = 0;
    std::from_chars(e164.data() + 1, e164.data() + e164.size(), v);
    return v;
  }
  std::unordered_set<unsigned long long> phones_;
  std::unordered_set<size_t> companies_;
};

}  // namespace

ImportReport CustomerImporter::run(const org::Actor* actor, const std::string& path, const ImportOptions& opt) {
  if (actor && !org::has_right(actor->role, org::Right::kBulkImport)) {
    throw Forbidden("auth.forbidden", "无权导入客户 / you may not import customers");
  }
  if (opt.owner_username && opt.pool) {
    throw BadRequest::field("owner", "--owner 与 --pool 只能选一个 / choose --owner or --pool, not both");
  }
  ImportReport report;
  util::ImportSheet sheet(path);
  report.encoding = sheet.encoding();
  util::CsvRecord header = sheet.read_header();
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

  // Owners named in the sheet (by username) are looked up once each; they must be active and in scope.
  std::mutex owners_mutex;
  std::unordered_map<std::string, std::optional<long long>> owners;
  OwnerResolver owner_id_for = [&](const std::string& cell) -> std::optional<long long> {
    const std::string username(org::username_in(cell));
    std::lock_guard lock(owners_mutex);
    auto it = owners.find(username);
    if (it != owners.end()) return it->second;
    auto u = org_.find_user(username);
    std::optional<long long> id;
    if (u && !u->disabled) {
      try {
        if (actor) org_.get_user(actor, u->id);
        id = u->id;
      } catch (const NotFound&) {
      }
    }
    return owners[username] = id;
  };
  std::optional<long long> default_owner;
  if (opt.owner_username) {
    default_owner = owner_id_for(*opt.owner_username);
    if (!default_owner) {
      throw BadRequest::field("owner", "负责人 " + *opt.owner_username + " 不存在或已停用 / no such active user");
    }
  } else if (!opt.pool && actor && org::data_scope(actor->role) == org::Scope::kOwn) {
    default_owner = actor->user_id;
  }

  // What the importer may do with a customer already in the store (the command line: anything). Another group's
  // customer is a duplicate the import may neither change nor name.
  std::unordered_map<long long, long long> owner_teams;
  auto access_to = [&](const store::Holder& h) -> Access {
    if (!actor) return Access::kWrite;
    Customer held;
    held.owner_id = h.owner_id;
    std::optional<long long> team;
    if (h.owner_id) {
      auto it = owner_teams.find(*h.owner_id);
      if (it == owner_teams.end())
        it = owner_teams.emplace(*h.owner_id, org_.get_user(nullptr, *h.owner_id).team_id).first;
      team = it->second;
    }
    return customer_access(*actor, held, team);
  };

  sheet.open_rejects(opt.rejects_path, header.fields);
  const long long now = clock_.now();
  const std::optional<long long> actor_id = actor ? std::optional<long long>(actor->user_id) : std::nullopt;

  report.committed = db_.write_if([&](soci::session& sql) {
    db::BulkWriteTuning tuning(sql, db_.dialect());
    store::CustomerWriter writer(sql, db_.dialect(), true);
    store::HolderLookup holders(sql);
    KnownKeys known(sql);
    // (customer id, line) of rows created by this import, ids ascending: tells in-file duplicates apart.
    std::vector<std::pair<long long, size_t>> created_lines;

    // dedupe=update: a row whose phone is already held fills in that customer; it need not repeat the name.
    auto update_existing = [&](const ParsedRow& row) -> bool {
      std::optional<store::Holder> held;
      for (const auto& cell : *row.input.phones) {
        for (const auto& raw : split_phone_list(cell)) {
          auto p = phones_.normalize(raw);
          if (!held && p.phone && known.may_hold_phone(p.phone->e164)) {
            writer.flush();  // the lookup must see this import's rows
            held = holders.phone(p.phone->e164);
          }
        }
      }
      if (!held) return false;
      const util::CsvRecord& rec = row.record;
      if (access_to(*held) != Access::kWrite) {
        ++report.duplicates;
        sheet.set_aside(rec,
                        "号码已属于你权限范围外的客户，未更新 / the phone belongs to a customer outside your scope; "
                        "not updated");
        return true;
      }
      auto existing = store::customer_by_id(sql, held->customer_id);
      CustomerInput fill = filled_cells(rec, mapping);
      for (const auto& p : existing->phones) fill.phones->insert(fill.phones->begin(), p.e164);
      Customer merged;
      if (auto e = apply_customer_input(fill, *existing, phones_, merged)) {
        sheet.reject(rec, column_of(mapping, e->field), e->reason);
      } else if (auto clash = find_duplicate(holders, merged, merged.id); clash && clash->reason == "phone") {
        sheet.reject(rec, column_of(mapping, "phones"),
                     "号码 " + clash->matched + " 属于另一客户 / belongs to another customer");
      } else {
        merged.updated_at = now;
        writer.update(merged);
        known.add(merged);
        audit::record(sql, {0,
                            now,
                            actor_id,
                            "customer.update",
                            "customer",
                            merged.id,
                            to_json(*existing),
                            to_json(merged),
                            {{"origin", "import"}, {"line", rec.line}}});
        ++report.updated;
      }
      return true;
    };

    auto import_row = [&](ParsedRow& row) {
      ++report.read;
      if (opt.dedupe == DedupeMode::kUpdate && row.input.phones && update_existing(row)) return;
      const util::CsvRecord& rec = row.record;
      if (auto* r = std::get_if<RowRejection>(&row.candidate)) {
        sheet.reject(rec, r->column, r->reason);
        return;
      }
      Customer& c = std::get<Customer>(row.candidate);
      c.created_by = actor_id;
      c.created_at = c.updated_at = now;
      std::optional<Duplicate> dup;
      if (known.may_hold(c)) {
        writer.flush();  // the lookup must see this import's rows
        dup = find_duplicate(holders, c, 0);
      }
      if (!dup) {
        writer.insert(c);
        known.add(c);
        created_lines.emplace_back(c.id, rec.line);
        ++report.created;
        return;
      }
      // A duplicate: of an earlier line of this file, or of a customer already in the store.
      std::string what;
      auto earlier = std::lower_bound(created_lines.begin(), created_lines.end(),
                                      std::pair<long long, size_t>{dup->holder.customer_id, 0});
      if (earlier != created_lines.end() && earlier->first == dup->holder.customer_id) {
        what = "与第 " + std::to_string(earlier->second) + " 行重复 / duplicate of line " +
               std::to_string(earlier->second);
      } else if (access_to(dup->holder) == Access::kNone) {
        what = std::string(dup->reason == "phone" ? "号码" : "公司") + "已属于你权限范围外的客户 / " + dup->reason +
               " already held by a customer outside your scope";
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
      sheet.set_aside(rec, what);
    };

    util::BatchPipeline<ParsedRow> rows([&](ParsedRow& row) {
      util::CsvRecord rec;
      if (!sheet.csv().next(rec)) return false;
      row = parse_customer_row(std::move(rec), mapping, default_owner, owner_id_for, phones_);
      return true;
    });
    std::vector<ParsedRow> batch;
    while (rows.next(batch)) {
      for (auto& row : batch) import_row(row);
    }
    writer.flush();
    audit::record(sql, {0,
                        now,
                        actor_id,
                        "customer.import",
                        "customer",
                        std::nullopt,
                        nullptr,
                        nullptr,
                        {{"file", opt.file_label.empty() ? path : opt.file_label},
                         {"encoding", report.encoding},
                         {"read", report.read},
                         {"created", report.created},
                         {"updated", report.updated},
                         {"duplicates", report.duplicates},
                         {"rejected", sheet.rejected().count},
                         {"partial", opt.partial}}});
    const bool commit = !opt.dry_run && (opt.partial || sheet.rejected().count == 0);
    if (commit && days_ && actor_id && report.created > 0) {
      writer.flush();  // the new customers count for whoever imported them, today
      days_->touch(sql, *actor_id, now, kpi::store::kCustomers);
    }
    return commit;
  });
  report.rejected = sheet.rejected();
  if (!report.committed && !opt.dry_run) {
    // All-or-nothing: nothing went in, so nothing was created or updated.
    report.created = report.updated = report.claims = 0;
  }
  return report;
}

}  // namespace waihu::crm
