#pragma once
// Use cases of the organisation: teams, users, login sessions. Every write is audited in its own transaction.
// `actor == nullptr` means the command line, run by whoever owns the machine.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "calendar/company_time.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "org/model.hpp"
#include "util/clock.hpp"

namespace waihu::org {

struct NewUser {
  std::string username;
  std::string display_name;  ///< defaults to the username
  Role role = Role::kAgent;
  long long team_id = 0;
  std::string password;
  std::optional<std::string> extension;
  std::string hired_on;  ///< "YYYY-MM-DD"; defaults to today
  EmploymentStatus employment_status = EmploymentStatus::kProbation;
  std::optional<std::string> left_on, left_reason;  ///< a leaver's (see User)
  long long level = 1;
  long long prior_months = 0;
};

struct UserPatch {
  std::optional<std::string> display_name;
  std::optional<Role> role;
  std::optional<long long> team_id;
  std::optional<std::optional<std::string>> extension;  ///< set to nullopt-inside to clear
  std::optional<std::string> hired_on;
  std::optional<EmploymentStatus> employment_status;
  std::optional<std::string> left_on, left_reason;  ///< only with `left`; the last day defaults to today
  std::optional<long long> level;
  std::optional<long long> prior_months;
  std::optional<bool> disabled;
};

struct UserListFilter {
  std::optional<long long> team_id;  ///< that team and the teams below it
  std::optional<Role> role;
  std::optional<bool> disabled;
  std::string q;
};

class OrgService {
 public:
  OrgService(db::Database& db, const calendar::CompanyTime& time) : db_(db), time_(time) {}

  /// Throws Conflict when the name is taken, NotFound for an unknown parent, Forbidden without kManageOrg.
  Team create_team(const Actor* actor, const std::string& name, std::optional<long long> parent_id);
  Team rename_team(const Actor* actor, long long id, const std::optional<std::string>& name,
                   const std::optional<std::optional<long long>>& parent_id);
  std::vector<Team> list_teams();
  std::optional<Team> find_team(const std::string& name);

  /// Validates everything before writing; throws BadRequest naming the field, Conflict on a taken username/extension.
  User create_user(const Actor* actor, const NewUser& u);
  User update_user(const Actor* actor, long long id, const UserPatch& patch);
  /// Admin (or CLI) sets anyone's password; revokes that user's sessions.
  void set_password(const Actor* actor, long long id, const std::string& password);
  /// A user changes their own password, proving the old one; every other session of theirs is revoked, the one
  /// with `current_token` (the request's own) stays.
  void change_own_password(const Actor& actor, const std::string& current_token, const std::string& old_password,
                           const std::string& new_password);
  User get_user(const Actor* actor, long long id);
  std::optional<User> find_user(const std::string& username);
  /// Users in the actor's scope, by id.
  Page<User> list_users(const Actor* actor, const UserListFilter& f, const std::string& cursor, int limit);

  /// The agent a record (call, deal) is logged for: the actor by default; supervisors and above may name an
  /// agent in their scope. Throws Forbidden (an agent naming someone else) or BadRequest "agent_id".
  long long acting_agent(const Actor& actor, std::optional<long long> requested);
  /// Every user the actor sees (disabled ones too: their old records still name them), for matching many
  /// records at once.
  std::vector<User> users_in_scope(const Actor& actor);
  /// Names by user id, for records that name people (colleagues' names are not confidential within the
  /// company; ids not found are left out).
  std::unordered_map<long long, PersonName> people_names(const std::vector<long long>& ids);
  /// The users the actor sees, by extension and username.
  PeopleDirectory people_directory(const Actor& actor);
  /// Whether the records of `user_id` (calls, deals) are within the actor's scope.
  bool sees_records_of(const Actor& actor, long long user_id);

  /// The actor a user acts as, with the team subtree of their scope.
  Actor actor_for(const User& u);

 private:
  void require_manage(const Actor* actor);
  void check_visible(const Actor* actor, const User& u);
  db::Database& db_;
  const calendar::CompanyTime& time_;
};

struct LoginResult {
  std::string token;
  long long expires_at = 0;
  User user;
};

class AuthService {
 public:
  AuthService(db::Database& db, const util::Clock& clock, OrgService& org, long long session_seconds = 12 * 3600)
      : db_(db), clock_(clock), org_(org), session_seconds_(session_seconds) {}
  /// Throws Unauthorized on a wrong or disabled account, TooManyRequests while the account or address is locked.
  LoginResult login(const std::string& username, const std::string& password, const std::string& address);
  /// Throws Unauthorized for an unknown, expired or revoked token, or a disabled user.
  Actor authenticate(const std::string& token);
  void logout(const std::string& token);

 private:
  db::Database& db_;
  const util::Clock& clock_;
  OrgService& org_;
  long long session_seconds_;
};

}  // namespace waihu::org
