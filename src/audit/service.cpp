#include "audit/service.hpp"

#include "audit/actions.hpp"
#include "audit/diff.hpp"
#include "calendar/company_time.hpp"
#include "core/errors.hpp"
#include "db/keyset.hpp"
#include "db/query.hpp"

namespace waihu::audit {

namespace {
std::string dump_or_null(const nlohmann::json& j) { return j.is_null() ? std::string() : j.dump(); }
nlohmann::json parse_or_null(const std::optional<std::string>& s) {
  if (!s || s->empty()) return nullptr;
  return nlohmann::json::parse(*s, nullptr, false);
}
}  // namespace

void record(soci::session& sql, const Entry& e) {
  db::Query q;
  q << "INSERT INTO audit_log (at, actor_id, action, entity, entity_id, before_json, after_json, detail_json) VALUES ("
    << q.bind(e.at) << ", " << (e.actor_id ? q.bind(*e.actor_id) : "NULL") << ", " << q.bind(e.action) << ", "
    << q.bind(e.entity) << ", " << (e.entity_id ? q.bind(*e.entity_id) : "NULL") << ", "
    << (e.before.is_null() ? "NULL" : q.bind(dump_or_null(e.before))) << ", "
    << (e.after.is_null() ? "NULL" : q.bind(dump_or_null(e.after))) << ", "
    << (e.detail.is_null() ? "NULL" : q.bind(dump_or_null(e.detail))) << ")";
  q.exec(sql);
}

void record_export(soci::session& sql, long long at, std::optional<long long> actor_id, const std::string& entity,
                   const nlohmann::json& filter, long long rows, const std::string& format) {
  record(sql, {0,
               at,
               actor_id,
               entity + ".export",
               entity,
               std::nullopt,
               nullptr,
               nullptr,
               {{"filter", filter}, {"rows", rows}, {"format", format}}});
}

namespace {
// The log is read by people: the actor's and the entity's names come with each row. (The audit trail is the one
// reader that looks across every module's tables; it only reads names.)
constexpr const char* kEntrySelect =
    "SELECT id, at, actor_id, action, entity, entity_id, before_json, after_json, detail_json, "
    "(SELECT display_name FROM users u WHERE u.id = audit_log.actor_id), "
    "(SELECT username FROM users u WHERE u.id = audit_log.actor_id), "
    "CASE entity "
    "WHEN 'customer' THEN (SELECT CASE WHEN c.company = '' THEN c.contact_name ELSE c.company END "
    "FROM customers c WHERE c.id = audit_log.entity_id) "
    "WHEN 'user' THEN (SELECT display_name FROM users u WHERE u.id = audit_log.entity_id) "
    "WHEN 'team' THEN (SELECT name FROM teams t WHERE t.id = audit_log.entity_id) END "
    "FROM audit_log";
constexpr size_t kEntryColumns = 12;
LoggedEntry entry_from_row(const db::Row& r) {
  return {{r.i64(0), r.i64(1), r.opt_i64(2), r.str(3), r.str(4), r.opt_i64(5), parse_or_null(r.opt_str(6)),
           parse_or_null(r.opt_str(7)), parse_or_null(r.opt_str(8))},
          r.opt_str(9).value_or(""),
          r.opt_str(10).value_or(""),
          r.opt_str(11).value_or("")};
}
}  // namespace

long long AuditService::export_entries(const Filter& filter, const nlohmann::json& filter_description,
                                       std::optional<long long> actor_id, const util::SheetTarget& target) {
  using util::Cell;
  auto sheet = util::open_sheet(target, {"审计日志", "Audit log"});
  sheet->row(util::header_row({{"编号", "ID"},
                               {"时间", "Time"},
                               {"操作人", "By"},
                               {"动作", "Action"},
                               {"对象", "Entity"},
                               {"对象编号", "Entity ID"},
                               {"对象名称", "Entity name"},
                               {"变更", "Changes"},
                               {"详情", "Details"}},
                              target.lang));
  long long rows = 0;
  std::string cursor;
  do {
    auto page = list(filter, cursor, kMaxPageSize);
    for (const auto& [e, actor_name, actor_username, entity_name] : page.items) {
      std::string by = actor_username.empty() ? (e.actor_id ? std::to_string(*e.actor_id) : "")
                                              : actor_name + " (" + actor_username + ")";
      sheet->row({Cell::integer(e.id), Cell::wall_time(time_.wall_seconds(e.at)), by,
                  std::string(action_label(e.action).in(target.lang)), e.entity,
                  e.entity_id ? Cell::integer(*e.entity_id) : Cell::blank(), entity_name,
                  changes_text(field_changes(e.before, e.after)), e.detail.is_null() ? "" : e.detail.dump()});
      ++rows;
    }
    cursor = page.next_cursor.value_or("");
  } while (!cursor.empty());
  sheet->close();
  db_.write([&](soci::session& sql) {
    record_export(sql, time_.now(), actor_id, "audit", filter_description, rows,
                  util::sheet_format_name(target.format));
  });
  return rows;
}

std::optional<Entry> AuditService::entry(long long id) {
  db::Query q(std::string(kEntrySelect) + " WHERE id = ");
  q << q.bind(id);
  auto row = db_.read([&](soci::session& sql) { return q.fetch_one(sql, kEntryColumns); });
  if (!row) return std::nullopt;
  return entry_from_row(*row).entry;
}

Page<LoggedEntry> AuditService::list(const Filter& f, const std::string& cursor, int limit) {
  db::Query q(std::string(kEntrySelect) + " WHERE 1=1");
  if (f.actor_id) q << " AND actor_id = " << q.bind(*f.actor_id);
  if (f.entity) q << " AND entity = " << q.bind(*f.entity);
  if (f.entity_id) q << " AND entity_id = " << q.bind(*f.entity_id);
  if (f.action) q << " AND action = " << q.bind(*f.action);
  if (f.from) q << " AND at >= " << q.bind(*f.from);
  if (f.to) q << " AND at < " << q.bind(*f.to);
  db::KeysetSort sort{"", "id", true, true};
  if (auto after = db::cursor_param(cursor)) q << " AND " << db::keyset_after(q, sort, *after);
  q << " ORDER BY " << db::keyset_order(sort) << " LIMIT " << std::to_string(limit + 1);
  auto rows = db_.read([&](soci::session& sql) { return q.fetch(sql, kEntryColumns); });
  std::vector<LoggedEntry> entries;
  for (const auto& r : rows) entries.push_back(entry_from_row(r));
  return db::page_of(std::move(entries), limit, [](const LoggedEntry& e) { return db::Cursor{"", e.entry.id}; });
}

}  // namespace waihu::audit
