#include "policy/store.hpp"

#include "db/query.hpp"

namespace waihu::policy::store {

namespace {
constexpr const char* kSelect =
    "SELECT v.id, v.name, v.effective_from, v.status, v.text, v.note, v.created_by, v.created_at, v.updated_at, "
    "v.approved_by, v.approved_at, v.published_by, v.published_at, "
    "(SELECT display_name FROM users u WHERE u.id = v.created_by), "
    "(SELECT display_name FROM users u WHERE u.id = v.approved_by), "
    "(SELECT display_name FROM users u WHERE u.id = v.published_by) FROM policy_versions v";
constexpr size_t kColumns = 16;

Version from_row(const db::Row& r) {
  Version v;
  v.id = r.i64(0);
  v.name = r.str(1);
  v.effective_from = calendar::LocalDate::parse(r.str(2)).value_or(calendar::LocalDate{});
  v.status = parse_status(r.str(3)).value_or(Status::kDraft);
  v.text = r.str(4);
  v.note = r.str(5);
  v.created_by = r.opt_i64(6);
  v.created_at = r.i64(7);
  v.updated_at = r.i64(8);
  v.approved_by = r.opt_i64(9);
  v.approved_at = r.opt_i64(10);
  v.published_by = r.opt_i64(11);
  v.published_at = r.opt_i64(12);
  v.created_by_name = r.opt_str(13).value_or("");
  v.approved_by_name = r.opt_str(14).value_or("");
  v.published_by_name = r.opt_str(15).value_or("");
  return v;
}

std::string nullable(db::Query& q, const std::optional<long long>& v) { return v ? q.bind(*v) : "NULL"; }
}  // namespace

long long insert_version(soci::session& sql, const Version& v) {
  db::Query q;
  q << "INSERT INTO policy_versions (name, effective_from, status, text, note, created_by, created_at, updated_at) "
       "VALUES ("
    << q.bind(v.name) << ", " << q.bind(v.effective_from.str()) << ", " << q.bind(std::string(status_name(v.status)))
    << ", " << q.bind(v.text) << ", " << q.bind(v.note) << ", " << nullable(q, v.created_by) << ", "
    << q.bind(v.created_at) << ", " << q.bind(v.updated_at) << ") RETURNING id";
  return *q.scalar(sql);
}

void update_draft(soci::session& sql, const Version& v) {
  db::Query q;
  q << "UPDATE policy_versions SET name = " << q.bind(v.name) << ", effective_from = " << q.bind(v.effective_from.str())
    << ", text = " << q.bind(v.text) << ", note = " << q.bind(v.note) << ", updated_at = " << q.bind(v.updated_at)
    << " WHERE id = " << q.bind(v.id) << " AND status = 'draft'";
  q.exec(sql);
}

void mark_approved(soci::session& sql, long long id, std::optional<long long> by, long long at) {
  db::Query q;
  q << "UPDATE policy_versions SET status = 'approved', approved_by = " << nullable(q, by)
    << ", approved_at = " << q.bind(at) << ", updated_at = " << q.bind(at) << " WHERE id = " << q.bind(id)
    << " AND status = 'draft'";
  q.exec(sql);
}

void mark_published(soci::session& sql, long long id, std::optional<long long> by, long long at) {
  db::Query q;
  q << "UPDATE policy_versions SET status = 'published', published_by = " << nullable(q, by)
    << ", published_at = " << q.bind(at) << ", updated_at = " << q.bind(at) << " WHERE id = " << q.bind(id)
    << " AND status = 'approved'";
  q.exec(sql);
}

void delete_version(soci::session& sql, long long id) {
  db::Query q;
  q << "DELETE FROM policy_versions WHERE id = " << q.bind(id) << " AND status <> 'published'";
  q.exec(sql);
}

std::optional<Version> version(soci::session& sql, long long id) {
  db::Query q;
  q << kSelect << " WHERE v.id = " << q.bind(id);
  auto r = q.fetch_one(sql, kColumns);
  if (!r) return std::nullopt;
  return from_row(*r);
}

std::vector<Version> versions(soci::session& sql, bool with_unpublished) {
  db::Query q;
  q << kSelect << (with_unpublished ? "" : " WHERE v.status = 'published'") << " ORDER BY v.id DESC";
  std::vector<Version> out;
  for (const auto& r : q.fetch(sql, kColumns)) out.push_back(from_row(r));
  return out;
}

std::optional<Version> in_force(soci::session& sql, const calendar::LocalDate& day) {
  db::Query q;
  q << kSelect << " WHERE v.status = 'published' AND v.effective_from <= " << q.bind(day.str())
    << " ORDER BY v.effective_from DESC, v.published_at DESC, v.id DESC LIMIT 1";
  auto r = q.fetch_one(sql, kColumns);
  if (!r) return std::nullopt;
  return from_row(*r);
}

std::optional<Version> previous(soci::session& sql, const Version& v) {
  db::Query q;
  q << kSelect << " WHERE v.status = 'published' AND v.id <> " << q.bind(v.id) << " AND (v.effective_from < "
    << q.bind(v.effective_from.str()) << " OR (v.effective_from = " << q.bind(v.effective_from.str()) << " AND v.id < "
    << q.bind(v.id) << ")) ORDER BY v.effective_from DESC, v.id DESC LIMIT 1";
  auto r = q.fetch_one(sql, kColumns);
  if (!r) return std::nullopt;
  return from_row(*r);
}

bool acknowledge(soci::session& sql, long long version_id, long long user_id, long long at) {
  db::Query exists;
  exists << "SELECT COUNT(*) FROM policy_acknowledgements WHERE version_id = " << exists.bind(version_id)
         << " AND user_id = " << exists.bind(user_id);
  if (exists.scalar(sql).value_or(0) > 0) return false;
  db::Query q;
  q << "INSERT INTO policy_acknowledgements (version_id, user_id, at) VALUES (" << q.bind(version_id) << ", "
    << q.bind(user_id) << ", " << q.bind(at) << ") ON CONFLICT (version_id, user_id) DO NOTHING";
  q.exec(sql);
  return true;
}

std::vector<Acknowledgement> acknowledgements(soci::session& sql, long long version_id) {
  db::Query q;
  q << "SELECT u.id, u.display_name, u.username, u.team_id, a.at FROM users u LEFT JOIN policy_acknowledgements a "
       "ON a.user_id = u.id AND a.version_id = "
    << q.bind(version_id) << " WHERE u.disabled = 0 ORDER BY a.at IS NULL DESC, u.team_id, u.username";
  std::vector<Acknowledgement> out;
  for (const auto& r : q.fetch(sql, 5)) out.push_back({r.i64(0), r.str(1), r.str(2), r.i64(3), r.opt_i64(4)});
  return out;
}

std::vector<Version> unacknowledged(soci::session& sql, long long user_id) {
  db::Query q;
  q << kSelect
    << " WHERE v.status = 'published' AND NOT EXISTS (SELECT 1 FROM policy_acknowledgements a "
       "WHERE a.version_id = v.id AND a.user_id = "
    << q.bind(user_id) << ") ORDER BY v.id";
  std::vector<Version> out;
  for (const auto& r : q.fetch(sql, kColumns)) out.push_back(from_row(r));
  return out;
}

}  // namespace waihu::policy::store
