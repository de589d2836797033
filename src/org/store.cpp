#include "org/store.hpp"

#include "db/query.hpp"
#include "util/strings.hpp"

namespace waihu::org::store {

namespace {
constexpr const char* kUserColumns =
    "u.id, u.username, u.display_name, u.role, u.team_id, u.hired_on, u.employment_status, u.level, "
    "u.prior_months, u.extension, u.disabled, u.created_at, u.updated_at, u.left_on, u.left_reason";
constexpr size_t kUserColumnCount = 15;

User user_from_row(const db::Row& r, size_t o = 0) {
  User u;
  u.id = r.i64(o + 0);
  u.username = r.str(o + 1);
  u.display_name = r.str(o + 2);
  u.role = parse_role(r.str(o + 3)).value_or(Role::kAgent);
  u.team_id = r.i64(o + 4);
  u.hired_on = r.opt_str(o + 5).value_or("");
  u.employment_status = parse_employment_status(r.str(o + 6)).value_or(EmploymentStatus::kProbation);
  u.level = r.i64(o + 7);
  u.prior_months = r.i64(o + 8);
  u.extension = r.opt_str(o + 9);
  u.disabled = r.i64(o + 10) != 0;
  u.created_at = r.i64(o + 11);
  u.updated_at = r.i64(o + 12);
  u.left_on = r.opt_str(o + 13);
  u.left_reason = r.opt_str(o + 14);
  return u;
}

Team team_from_row(const db::Row& r) { return Team{r.i64(0), r.str(1), r.opt_i64(2), r.i64(3)}; }

std::string bind_opt(db::Query& q, const std::optional<std::string>& v) { return v ? q.bind(*v) : "NULL"; }
}  // namespace

long long insert_team(soci::session& sql, const Team& t) {
  db::Query q;
  q << "INSERT INTO teams (name, parent_id, created_at) VALUES (" << q.bind(t.name) << ", "
    << (t.parent_id ? q.bind(*t.parent_id) : "NULL") << ", " << q.bind(t.created_at) << ") RETURNING id";
  return *q.scalar(sql);
}

std::vector<Team> all_teams(soci::session& sql) {
  std::vector<Team> out;
  for (const auto& r : db::Query("SELECT id, name, parent_id, created_at FROM teams ORDER BY id").fetch(sql, 4)) {
    out.push_back(team_from_row(r));
  }
  return out;
}

std::optional<Team> team_by_name(soci::session& sql, const std::string& name) {
  db::Query q;
  q << "SELECT id, name, parent_id, created_at FROM teams WHERE name = " << q.bind(name);
  auto r = q.fetch_one(sql, 4);
  if (!r) return std::nullopt;
  return team_from_row(*r);
}

std::optional<Team> team_by_id(soci::session& sql, long long id, db::Lock lock) {
  db::Query q;
  q << "SELECT id, name, parent_id, created_at FROM teams WHERE id = " << q.bind(id) << db::lock_clause(sql, lock);
  auto r = q.fetch_one(sql, 4);
  if (!r) return std::nullopt;
  return team_from_row(*r);
}

void update_team(soci::session& sql, const Team& t) {
  db::Query q;
  q << "UPDATE teams SET name = " << q.bind(t.name) << ", parent_id = " << (t.parent_id ? q.bind(*t.parent_id) : "NULL")
    << " WHERE id = " << q.bind(t.id);
  q.exec(sql);
}

long long insert_user(soci::session& sql, const User& u, const std::string& password_hash) {
  db::Query q;
  q << "INSERT INTO users (username, display_name, role, team_id, password_hash, hired_on, employment_status, level, "
       "prior_months, extension, disabled, created_at, updated_at, left_on, left_reason) VALUES ("
    << q.bind(u.username) << ", " << q.bind(u.display_name) << ", " << q.bind(std::string(role_name(u.role))) << ", "
    << q.bind(u.team_id) << ", " << q.bind(password_hash) << ", " << (u.hired_on.empty() ? "NULL" : q.bind(u.hired_on))
    << ", " << q.bind(std::string(employment_status_name(u.employment_status))) << ", " << q.bind(u.level) << ", "
    << q.bind(u.prior_months) << ", " << bind_opt(q, u.extension) << ", " << q.bind(u.disabled ? 1LL : 0LL) << ", "
    << q.bind(u.created_at) << ", " << q.bind(u.updated_at) << ", " << bind_opt(q, u.left_on) << ", "
    << bind_opt(q, u.left_reason) << ") RETURNING id";
  return *q.scalar(sql);
}

std::optional<UserRecord> user_by_username(soci::session& sql, const std::string& username) {
  db::Query q;
  q << "SELECT " << kUserColumns << ", u.password_hash FROM users u WHERE u.username = " << q.bind(username);
  auto r = q.fetch_one(sql, kUserColumnCount + 1);
  if (!r) return std::nullopt;
  return UserRecord{user_from_row(*r), r->str(kUserColumnCount)};
}

std::optional<User> user_by_id(soci::session& sql, long long id, db::Lock lock) {
  db::Query q;
  q << "SELECT " << kUserColumns << " FROM users u WHERE u.id = " << q.bind(id) << db::lock_clause(sql, lock);
  auto r = q.fetch_one(sql, kUserColumnCount);
  if (!r) return std::nullopt;
  return user_from_row(*r);
}

std::optional<User> user_by_extension(soci::session& sql, const std::string& extension) {
  db::Query q;
  q << "SELECT " << kUserColumns << " FROM users u WHERE u.extension = " << q.bind(extension);
  auto r = q.fetch_one(sql, kUserColumnCount);
  if (!r) return std::nullopt;
  return user_from_row(*r);
}

void update_user(soci::session& sql, const User& u) {
  db::Query q;
  q << "UPDATE users SET display_name = " << q.bind(u.display_name)
    << ", role = " << q.bind(std::string(role_name(u.role))) << ", team_id = " << q.bind(u.team_id)
    << ", hired_on = " << (u.hired_on.empty() ? "NULL" : q.bind(u.hired_on))
    << ", employment_status = " << q.bind(std::string(employment_status_name(u.employment_status)))
    << ", level = " << q.bind(u.level) << ", prior_months = " << q.bind(u.prior_months)
    << ", extension = " << bind_opt(q, u.extension) << ", disabled = " << q.bind(u.disabled ? 1LL : 0LL)
    << ", left_on = " << bind_opt(q, u.left_on) << ", left_reason = " << bind_opt(q, u.left_reason)
    << ", updated_at = " << q.bind(u.updated_at) << " WHERE id = " << q.bind(u.id);
  q.exec(sql);
}

void set_password_hash(soci::session& sql, long long user_id, const std::string& hash, long long now) {
  db::Query q;
  q << "UPDATE users SET password_hash = " << q.bind(hash) << ", updated_at = " << q.bind(now)
    << " WHERE id = " << q.bind(user_id);
  q.exec(sql);
}

std::vector<User> list_users(soci::session& sql, const UserFilter& f, long long after_id, int limit) {
  db::Query q;
  q << "SELECT " << kUserColumns << " FROM users u WHERE u.id > " << q.bind(after_id);
  if (!f.team_ids.empty()) q << " AND u.team_id IN (" << q.bind_list(f.team_ids) << ")";
  if (f.role) q << " AND u.role = " << q.bind(std::string(role_name(*f.role)));
  if (f.disabled) q << " AND u.disabled = " << q.bind(*f.disabled ? 1LL : 0LL);
  if (!f.q.empty()) {
    std::string like = util::like_pattern(f.q);  // % and _ typed by a user are literal
    q << " AND (u.username LIKE " << q.bind(like) << " ESCAPE '\\' OR u.display_name LIKE " << q.bind(like)
      << " ESCAPE '\\')";
  }
  q << " ORDER BY u.id LIMIT " << std::to_string(limit);
  std::vector<User> out;
  for (const auto& r : q.fetch(sql, kUserColumnCount)) out.push_back(user_from_row(r));
  return out;
}

std::vector<User> staff_during(soci::session& sql, const std::string& from, const std::string& to) {
  std::vector<User> out;
  long long after = 0;
  for (;;) {
    auto page = list_users(sql, {}, after, 1000);
    for (auto& u : page) {
      if (!u.hired_on.empty() && to < u.hired_on) continue;  // ISO dates compare as text
      const bool left = u.employment_status == EmploymentStatus::kLeft;
      if (left ? !u.left_on || *u.left_on < from : u.disabled) continue;
      out.push_back(std::move(u));
    }
    if (page.size() < 1000) break;
    after = page.back().id;
  }
  return out;
}

std::vector<User> staff_on(soci::session& sql, const std::string& day) {
  std::vector<User> out;
  UserFilter f;
  f.disabled = false;
  long long after = 0;
  for (;;) {
    auto page = list_users(sql, f, after, 1000);
    for (auto& u : page) {
      // ISO dates compare as text.
      if (u.employment_status == EmploymentStatus::kLeft || (!u.hired_on.empty() && day < u.hired_on)) continue;
      out.push_back(std::move(u));
    }
    if (page.size() < 1000) break;
    after = page.back().id;
  }
  return out;
}

void insert_session(soci::session& sql, const std::string& token_hash, long long user_id, long long now,
                    long long expires_at, const std::string& address) {
  db::Query q;
  q << "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, address) VALUES (" << q.bind(token_hash)
    << ", " << q.bind(user_id) << ", " << q.bind(now) << ", " << q.bind(expires_at) << ", " << q.bind(address) << ")";
  q.exec(sql);
}

std::optional<SessionRow> session_by_token_hash(soci::session& sql, const std::string& token_hash) {
  db::Query q;
  q << "SELECT s.id, s.expires_at, s.revoked_at, " << kUserColumns
    << " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = " << q.bind(token_hash);
  auto r = q.fetch_one(sql, 3 + kUserColumnCount);
  if (!r) return std::nullopt;
  return SessionRow{r->i64(0), r->i64(1), r->opt_i64(2), user_from_row(*r, 3)};
}

void revoke_session(soci::session& sql, const std::string& token_hash, long long now) {
  db::Query q;
  q << "UPDATE sessions SET revoked_at = " << q.bind(now) << " WHERE token_hash = " << q.bind(token_hash)
    << " AND revoked_at IS NULL";
  q.exec(sql);
}

void revoke_user_sessions(soci::session& sql, long long user_id, long long now,
                          const std::optional<std::string>& keep_token_hash) {
  db::Query q;
  q << "UPDATE sessions SET revoked_at = " << q.bind(now) << " WHERE user_id = " << q.bind(user_id)
    << " AND revoked_at IS NULL";
  if (keep_token_hash) q << " AND token_hash <> " << q.bind(*keep_token_hash);
  q.exec(sql);
}

std::optional<LoginThrottle> throttle(soci::session& sql, const std::string& key) {
  db::Query q;
  q << "SELECT failures, window_start, locked_until FROM login_throttle WHERE throttle_key = " << q.bind(key);
  auto r = q.fetch_one(sql, 3);
  if (!r) return std::nullopt;
  return LoginThrottle{r->i64(0), r->i64(1), r->i64(2)};
}

LoginThrottle throttle_for_update(soci::session& sql, const std::string& key) {
  db::Query insert;
  insert << "INSERT INTO login_throttle (throttle_key, failures, window_start, locked_until) VALUES ("
         << insert.bind(key) << ", 0, 0, 0) ON CONFLICT (throttle_key) DO NOTHING";
  insert.exec(sql);
  db::Query q;
  q << "SELECT failures, window_start, locked_until FROM login_throttle WHERE throttle_key = " << q.bind(key)
    << db::lock_clause(sql, db::Lock::kForUpdate);
  auto r = q.fetch_one(sql, 3);
  return LoginThrottle{r->i64(0), r->i64(1), r->i64(2)};
}

void save_throttle(soci::session& sql, const std::string& key, const LoginThrottle& t) {
  db::Query q;
  q << "INSERT INTO login_throttle (throttle_key, failures, window_start, locked_until) VALUES (" << q.bind(key) << ", "
    << q.bind(t.failures) << ", " << q.bind(t.window_start) << ", " << q.bind(t.locked_until)
    << ") ON CONFLICT (throttle_key) DO UPDATE SET failures = excluded.failures, "
       "window_start = excluded.window_start, locked_until = excluded.locked_until";
  q.exec(sql);
}

void clear_throttle(soci::session& sql, const std::string& key) {
  db::Query q;
  q << "DELETE FROM login_throttle WHERE throttle_key = " << q.bind(key);
  q.exec(sql);
}

long long count_active_admins(soci::session& sql, long long except_id) {
  db::Query q;
  // Locks the admins' rows on PostgreSQL, so two admins disabling each other at once cannot both succeed.
  q << "SELECT id FROM users WHERE role = 'admin' AND disabled = 0 AND id <> " << q.bind(except_id)
    << db::lock_clause(sql, db::Lock::kForUpdate);
  return static_cast<long long>(q.fetch(sql, 1).size());
}

std::unordered_map<long long, PersonName> people_names(soci::session& sql, const std::vector<long long>& ids) {
  std::unordered_map<long long, PersonName> out;
  if (ids.empty()) return out;
  db::Query q;
  q << "SELECT id, display_name, username FROM users WHERE id IN (" << q.bind_list(ids) << ")";
  for (const auto& r : q.fetch(sql, 3)) out.emplace(r.i64(0), PersonName{r.str(1), r.str(2)});
  return out;
}

}  // namespace waihu::org::store
