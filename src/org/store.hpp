#pragma once
// SQL for teams, users, sessions and login throttling. Each function runs on the caller's session/transaction.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "db/database.hpp"
#include "db/keyset.hpp"
#include "org/model.hpp"

namespace waihu::org::store {

long long insert_team(soci::session& sql, const Team& t);
std::vector<Team> all_teams(soci::session& sql);
std::optional<Team> team_by_name(soci::session& sql, const std::string& name);
std::optional<Team> team_by_id(soci::session& sql, long long id, db::Lock lock = db::Lock::kNone);
void update_team(soci::session& sql, const Team& t);

struct UserRecord {
  User user;
  std::string password_hash;
};
long long insert_user(soci::session& sql, const User& u, const std::string& password_hash);
std::optional<UserRecord> user_by_username(soci::session& sql, const std::string& username);
std::optional<User> user_by_id(soci::session& sql, long long id, db::Lock lock = db::Lock::kNone);
std::optional<User> user_by_extension(soci::session& sql, const std::string& extension);
void update_user(soci::session& sql, const User& u);
void set_password_hash(soci::session& sql, long long user_id, const std::string& hash, long long now);

struct UserFilter {
  std::vector<long long> team_ids;  ///< empty = all
  std::optional<Role> role;
  std::optional<bool> disabled;
  std::string q;  ///< username or display name contains
};
/// Ordered by id ascending, keyset after `after_id`.
std::vector<User> list_users(soci::session& sql, const UserFilter& f, long long after_id, int limit);
/// Everyone on the staff on `day`: not disabled, not left, hired by then (or without a hire date). By id.
std::vector<User> staff_on(soci::session& sql, const std::string& day);
/// Everyone employed on any day from `from` to `to`: those working now who were hired by `to`, and those who left
/// on or after `from` (their accounts may be disabled since). A leaver without a last day is in no period.
std::vector<User> staff_during(soci::session& sql, const std::string& from, const std::string& to);
/// Active (not disabled) admins other than `except_id`.
long long count_active_admins(soci::session& sql, long long except_id);
/// Names by user id (ids not found are left out).
std::unordered_map<long long, PersonName> people_names(soci::session& sql, const std::vector<long long>& ids);

struct SessionRow {
  long long session_id;
  long long expires_at;
  std::optional<long long> revoked_at;
  User user;
};
void insert_session(soci::session& sql, const std::string& token_hash, long long user_id, long long now,
                    long long expires_at, const std::string& address);
std::optional<SessionRow> session_by_token_hash(soci::session& sql, const std::string& token_hash);
void revoke_session(soci::session& sql, const std::string& token_hash, long long now);
/// Revokes every live session of the user but the one whose token hashes to `keep_token_hash` (if given).
void revoke_user_sessions(soci::session& sql, long long user_id, long long now,
                          const std::optional<std::string>& keep_token_hash = std::nullopt);

std::optional<LoginThrottle> throttle(soci::session& sql, const std::string& key);
/// The key's throttle row, created empty when missing and locked until the transaction ends, so concurrent failed
/// logins each count.
LoginThrottle throttle_for_update(soci::session& sql, const std::string& key);
void save_throttle(soci::session& sql, const std::string& key, const LoginThrottle& t);
void clear_throttle(soci::session& sql, const std::string& key);

}  // namespace waihu::org::store
