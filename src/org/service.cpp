#include "org/service.hpp"

#include <algorithm>

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "db/keyset.hpp"
#include "org/credentials.hpp"
#include "org/json.hpp"
#include "org/rules.hpp"
#include "org/store.hpp"
#include "util/strings.hpp"

namespace waihu::org {

namespace {
std::optional<long long> actor_id(const Actor* a) { return a ? std::optional<long long>(a->user_id) : std::nullopt; }

void validate_extension(const std::optional<std::string>& ext) {
  if (!ext) return;
  if (ext->empty() || ext->size() > 12 || util::digits_only(*ext) != *ext) {
    throw BadRequest::field("extension", "分机号须为 1-12 位数字 / must be 1-12 digits");
  }
}

void validate_profile(const std::string& display_name, const std::string& hired_on, long long level,
                      long long prior_months) {
  if (util::trim(display_name).empty() || util::utf8_length(display_name) > 64) {
    throw BadRequest::field("display_name", "姓名须为 1-64 个字符 / must be 1-64 characters");
  }
  if (!hired_on.empty() && !util::is_valid_date(hired_on)) {
    throw BadRequest::field("hired_on", "日期格式应为 YYYY-MM-DD / must be a date YYYY-MM-DD");
  }
  if (level < 1 || level > 99) throw BadRequest::field("level", "级别须在 1-99 之间 / must be 1-99");
  if (prior_months < 0 || prior_months > 600) {
    throw BadRequest::field("prior_months", "须在 0-600 之间 / must be 0-600");
  }
}

// A leaver has a last day (not before they were hired, not after today) and a reason; nobody else has either. Someone
// marked left without a day left today; someone taken back loses both.
void settle_leaving(User& u, const std::optional<std::string>& left_on, const std::optional<std::string>& left_reason,
                    const std::string& today) {
  if (u.employment_status != EmploymentStatus::kLeft) {
    if (left_on || left_reason)
      throw BadRequest::field(left_on ? "left_on" : "left_reason",
                              "只有离职人员有离职日期和方式 / only a leaver has a last day and a reason");
    u.left_on.reset();
    u.left_reason.reset();
    return;
  }
  if (left_on) u.left_on = *left_on;
  if (left_reason) u.left_reason = *left_reason;
  if (!u.left_on) u.left_on = today;
  if (!util::is_valid_date(*u.left_on))
    throw BadRequest::field("left_on", "日期格式应为 YYYY-MM-DD / must be a date YYYY-MM-DD");
  if (*u.left_on > today)
    throw BadRequest::field("left_on", "离职日期不能晚于今天 / the last day cannot be after today");
  if (!u.hired_on.empty() && *u.left_on < u.hired_on)
    throw BadRequest::field("left_on", "离职日期早于入职日期 / the last day is before the hiring day");
  if (!u.left_reason)
    throw BadRequest::field("left_reason", "请选择离职方式：辞职或辞退 / say how they left: resigned or dismissed",
                            "validation.required");
  if (*u.left_reason != "resigned" && *u.left_reason != "dismissed")
    throw BadRequest::field("left_reason", "应为 resigned（辞职）或 dismissed（辞退） / must be resigned or dismissed");
}

void check_extension_free(soci::session& sql, const std::optional<std::string>& ext, long long self_id) {
  if (!ext) return;
  auto holder = store::user_by_extension(sql, *ext);
  if (holder && holder->id != self_id) {
    throw Conflict("user.extension_taken", "分机号已被 " + holder->username + " 使用 / extension already used",
                   {{"field", "extension"}, {"user_id", holder->id}});
  }
}
}  // namespace

void OrgService::require_manage(const Actor* actor) {
  if (actor && !has_right(actor->role, Right::kManageOrg)) {
    throw Forbidden("auth.forbidden", "只有管理员可以管理组织和账号 / only an admin manages teams and users");
  }
}

void OrgService::check_visible(const Actor* actor, const User& u) {
  if (!actor || actor->scope_team_ids.empty() || actor->user_id == u.id) return;
  if (data_scope(actor->role) == Scope::kOwn ||
      std::find(actor->scope_team_ids.begin(), actor->scope_team_ids.end(), u.team_id) == actor->scope_team_ids.end()) {
    throw NotFound("user.not_found", "用户不存在 / no such user", {{"id", u.id}});
  }
}

Team OrgService::create_team(const Actor* actor, const std::string& raw_name, std::optional<long long> parent_id) {
  require_manage(actor);
  std::string name(util::trim(raw_name));
  if (name.empty() || util::utf8_length(name) > 64) {
    throw BadRequest::field("name", "团队名称须为 1-64 个字符 / must be 1-64 characters");
  }
  return db_.write([&](soci::session& sql) {
    if (store::team_by_name(sql, name)) {
      throw Conflict("team.name_taken", "团队名称已存在 / a team with this name exists", {{"field", "name"}});
    }
    if (parent_id && !store::team_by_id(sql, *parent_id)) {
      throw NotFound("team.not_found", "上级团队不存在 / parent team not found", {{"field", "parent_id"}});
    }
    Team t{0, name, parent_id, time_.now()};
    t.id = store::insert_team(sql, t);
    audit::record(sql, {0, t.created_at, actor_id(actor), "team.create", "team", t.id, nullptr, to_json(t), nullptr});
    return t;
  });
}

Team OrgService::rename_team(const Actor* actor, long long id, const std::optional<std::string>& name,
                             const std::optional<std::optional<long long>>& parent_id) {
  require_manage(actor);
  return db_.write([&](soci::session& sql) {
    auto t = store::team_by_id(sql, id, db::Lock::kForUpdate);
    if (!t) throw NotFound("team.not_found", "团队不存在 / no such team", {{"id", id}});
    Team before = *t;
    if (name) {
      std::string n(util::trim(*name));
      if (n.empty() || util::utf8_length(n) > 64) {
        throw BadRequest::field("name", "团队名称须为 1-64 个字符 / must be 1-64 characters");
      }
      auto other = store::team_by_name(sql, n);
      if (other && other->id != id) {
        throw Conflict("team.name_taken", "团队名称已存在 / a team with this name exists", {{"field", "name"}});
      }
      t->name = n;
    }
    if (parent_id) {
      if (*parent_id) {
        if (!store::team_by_id(sql, **parent_id)) {
          throw NotFound("team.not_found", "上级团队不存在 / parent team not found", {{"field", "parent_id"}});
        }
        if (would_cycle(store::all_teams(sql), id, **parent_id)) {
          throw RuleViolation("team.cycle", "不能把团队移到自己的下级 / a team cannot sit below itself",
                              {{"field", "parent_id"}});
        }
      }
      t->parent_id = *parent_id;
    }
    store::update_team(sql, *t);
    audit::record(sql,
                  {0, time_.now(), actor_id(actor), "team.update", "team", id, to_json(before), to_json(*t), nullptr});
    return *t;
  });
}

std::vector<Team> OrgService::list_teams() {
  return db_.read([](soci::session& sql) { return store::all_teams(sql); });
}

std::optional<Team> OrgService::find_team(const std::string& name) {
  return db_.read([&](soci::session& sql) { return store::team_by_name(sql, name); });
}

User OrgService::create_user(const Actor* actor, const NewUser& in) {
  require_manage(actor);
  if (!is_valid_username(in.username)) {
    throw BadRequest::field("username", "用户名须为 3-32 位小写字母、数字或 . _ - / 3-32 of a-z 0-9 . _ -");
  }
  if (auto p = password_problem(in.password); !p.empty()) throw BadRequest::field("password", std::string(p));
  validate_extension(in.extension);
  User u;
  u.username = in.username;
  u.display_name = in.display_name.empty() ? in.username : in.display_name;
  u.role = in.role;
  u.team_id = in.team_id;
  u.hired_on = in.hired_on.empty() ? time_.today().str() : in.hired_on;
  u.employment_status = in.employment_status;
  u.level = in.level;
  u.prior_months = in.prior_months;
  u.extension = in.extension;
  validate_profile(u.display_name, u.hired_on, u.level, u.prior_months);
  settle_leaving(u, in.left_on, in.left_reason, time_.today().str());
  std::string hash = hash_password(in.password);  // slow: outside the transaction
  return db_.write([&](soci::session& sql) {
    if (!store::team_by_id(sql, u.team_id)) {
      throw NotFound("team.not_found", "团队不存在 / no such team", {{"field", "team_id"}});
    }
    if (store::user_by_username(sql, u.username)) {
      throw Conflict("user.username_taken", "用户名已存在 / username taken", {{"field", "username"}});
    }
    check_extension_free(sql, u.extension, 0);
    u.created_at = u.updated_at = time_.now();
    u.id = store::insert_user(sql, u, hash);
    audit::record(sql, {0, u.created_at, actor_id(actor), "user.create", "user", u.id, nullptr, to_json(u), nullptr});
    return u;
  });
}

User OrgService::update_user(const Actor* actor, long long id, const UserPatch& p) {
  require_manage(actor);
  if (p.extension) validate_extension(*p.extension);
  return db_.write([&](soci::session& sql) {
    auto current = store::user_by_id(sql, id, db::Lock::kForUpdate);
    if (!current) throw NotFound("user.not_found", "用户不存在 / no such user", {{"id", id}});
    User u = *current;
    if (p.display_name) u.display_name = std::string(util::trim(*p.display_name));
    if (p.role) u.role = *p.role;
    if (p.team_id) {
      if (!store::team_by_id(sql, *p.team_id)) {
        throw NotFound("team.not_found", "团队不存在 / no such team", {{"field", "team_id"}});
      }
      u.team_id = *p.team_id;
    }
    if (p.extension) u.extension = *p.extension;
    if (p.hired_on) u.hired_on = *p.hired_on;
    if (p.employment_status) u.employment_status = *p.employment_status;
    if (p.level) u.level = *p.level;
    if (p.prior_months) u.prior_months = *p.prior_months;
    if (p.disabled) u.disabled = *p.disabled;
    if (actor && actor->user_id == id && (u.disabled || u.role != Role::kAdmin)) {
      throw RuleViolation("user.self_lockout", "不能停用自己或取消自己的管理员角色 / you cannot lock yourself out");
    }
    const bool was_admin = current->role == Role::kAdmin && !current->disabled;
    if (was_admin && (u.disabled || u.role != Role::kAdmin) && store::count_active_admins(sql, id) == 0) {
      throw RuleViolation("user.last_admin", "至少要保留一个启用的管理员 / at least one active admin must remain",
                          {{"field", u.disabled ? "disabled" : "role"}});
    }
    validate_profile(u.display_name, u.hired_on, u.level, u.prior_months);
    if (p.employment_status || p.left_on || p.left_reason)
      settle_leaving(u, p.left_on, p.left_reason, time_.today().str());
    check_extension_free(sql, u.extension, id);
    u.updated_at = time_.now();
    store::update_user(sql, u);
    if (u.disabled && !current->disabled) store::revoke_user_sessions(sql, id, u.updated_at);
    audit::record(sql, {0, u.updated_at, actor_id(actor),
                        u.disabled && !current->disabled   ? "user.disable"
                        : !u.disabled && current->disabled ? "user.enable"
                                                           : "user.update",
                        "user", id, to_json(*current), to_json(u), nullptr});
    return u;
  });
}

void OrgService::set_password(const Actor* actor, long long id, const std::string& password) {
  require_manage(actor);
  if (auto p = password_problem(password); !p.empty()) throw BadRequest::field("password", std::string(p));
  std::string hash = hash_password(password);
  db_.write([&](soci::session& sql) {
    if (!store::user_by_id(sql, id)) throw NotFound("user.not_found", "用户不存在 / no such user", {{"id", id}});
    long long now = time_.now();
    store::set_password_hash(sql, id, hash, now);
    store::revoke_user_sessions(sql, id, now);
    audit::record(sql, {0, now, actor_id(actor), "user.password_reset", "user", id, nullptr, nullptr, nullptr});
  });
}

void OrgService::change_own_password(const Actor& actor, const std::string& current_token,
                                     const std::string& old_password, const std::string& new_password) {
  auto rec = db_.read([&](soci::session& sql) { return store::user_by_username(sql, actor.username); });
  if (!rec || !verify_password(rec->password_hash, old_password)) {
    throw BadRequest::field("old_password", "原密码不正确 / the current password is wrong");
  }
  if (auto p = password_problem(new_password); !p.empty()) throw BadRequest::field("new_password", std::string(p));
  std::string hash = hash_password(new_password);
  db_.write([&](soci::session& sql) {
    long long now = time_.now();
    store::set_password_hash(sql, actor.user_id, hash, now);
    store::revoke_user_sessions(sql, actor.user_id, now, token_digest(current_token));
    audit::record(sql,
                  {0, now, actor.user_id, "user.password_change", "user", actor.user_id, nullptr, nullptr, nullptr});
  });
}

User OrgService::get_user(const Actor* actor, long long id) {
  auto u = db_.read([&](soci::session& sql) { return store::user_by_id(sql, id); });
  if (!u) throw NotFound("user.not_found", "用户不存在 / no such user", {{"id", id}});
  check_visible(actor, *u);
  return *u;
}

std::optional<User> OrgService::find_user(const std::string& username) {
  auto rec = db_.read([&](soci::session& sql) { return store::user_by_username(sql, username); });
  if (!rec) return std::nullopt;
  return rec->user;
}

Page<User> OrgService::list_users(const Actor* actor, const UserListFilter& f, const std::string& cursor, int limit) {
  auto cursor_at = db::cursor_param(cursor);
  long long after = cursor_at ? cursor_at->id : 0;
  return db_.read([&](soci::session& sql) {
    store::UserFilter sf;
    sf.role = f.role;
    sf.disabled = f.disabled;
    sf.q = f.q;
    if (f.team_id) sf.team_ids = team_subtree(store::all_teams(sql), *f.team_id);
    if (actor && !actor->scope_team_ids.empty()) {
      if (sf.team_ids.empty()) {
        sf.team_ids = actor->scope_team_ids;
      } else {
        std::erase_if(sf.team_ids, [&](long long t) {
          return std::find(actor->scope_team_ids.begin(), actor->scope_team_ids.end(), t) ==
                 actor->scope_team_ids.end();
        });
        if (sf.team_ids.empty()) sf.team_ids.push_back(-1);
      }
    }
    return db::page_of(store::list_users(sql, sf, after, limit + 1), limit, [](const User& u) {
      return db::Cursor{"", u.id};
    });
  });
}

std::vector<User> OrgService::users_in_scope(const Actor& actor) {
  std::vector<User> out;
  std::string cursor;
  do {
    auto page = list_users(&actor, {}, cursor, kMaxPageSize);
    out.insert(out.end(), page.items.begin(), page.items.end());
    cursor = page.next_cursor.value_or("");
  } while (!cursor.empty());
  return out;
}

std::unordered_map<long long, PersonName> OrgService::people_names(const std::vector<long long>& ids) {
  return db_.read([&](soci::session& sql) { return store::people_names(sql, ids); });
}

PeopleDirectory OrgService::people_directory(const Actor& actor) {
  PeopleDirectory d;
  for (const auto& u : users_in_scope(actor)) {
    if (u.extension && !u.extension->empty()) d.by_extension.emplace(*u.extension, u.id);
    d.by_username.emplace(u.username, u.id);
  }
  return d;
}

long long OrgService::acting_agent(const Actor& actor, std::optional<long long> requested) {
  long long agent = requested.value_or(actor.user_id);
  if (agent == actor.user_id) return agent;
  if (data_scope(actor.role) == Scope::kOwn) {
    throw Forbidden("auth.other_agent", "只能登记自己的记录 / agents record their own work", {{"field", "agent_id"}});
  }
  try {
    get_user(&actor, agent);
  } catch (const NotFound&) {
    throw BadRequest::field("agent_id", "坐席不存在或不在你的范围内 / no such agent in your scope");
  }
  return agent;
}

bool OrgService::sees_records_of(const Actor& actor, long long user_id) {
  switch (data_scope(actor.role)) {
    case Scope::kAll:
      return true;
    case Scope::kOwn:
      return user_id == actor.user_id;
    case Scope::kTeamSubtree: {
      auto u = db_.read([&](soci::session& sql) { return store::user_by_id(sql, user_id); });
      return u && std::find(actor.scope_team_ids.begin(), actor.scope_team_ids.end(), u->team_id) !=
                      actor.scope_team_ids.end();
    }
  }
  return false;
}

Actor OrgService::actor_for(const User& u) {
  Actor a{u.id, u.username, u.role, u.team_id, {}};
  if (data_scope(u.role) != Scope::kAll) {
    a.scope_team_ids = team_subtree(db_.read([](soci::session& sql) { return store::all_teams(sql); }), u.team_id);
  }
  return a;
}

LoginResult AuthService::login(const std::string& username, const std::string& password, const std::string& address) {
  long long now = clock_.now();
  const std::string account_key = "user:" + username;
  const std::string address_key = "addr:" + address;
  // Every attempt counts as a failure before the (slow) password check, with both counters locked: concurrent
  // guesses queue here, so no more than the limit are ever checked. A right password gives its attempt back.
  long long wait = db_.write([&](soci::session& sql) {
    LoginThrottle account = store::throttle_for_update(sql, account_key);
    LoginThrottle addr = store::throttle_for_update(sql, address_key);
    long long locked = std::max(seconds_locked(account, now), seconds_locked(addr, now));
    if (locked > 0) return locked;
    store::save_throttle(sql, account_key, after_failed_login(account, now, kAccountThrottle));
    store::save_throttle(sql, address_key, after_failed_login(addr, now, kAddressThrottle));
    return 0LL;
  });
  if (wait > 0) {
    throw TooManyRequests("auth.too_many_attempts", "登录失败次数过多，请稍后再试 / too many failed logins; try later",
                          wait);
  }
  auto rec = db_.read([&](soci::session& sql) { return store::user_by_username(sql, username); });
  // Verify even for unknown users, so timing does not tell which usernames exist.
  static const std::string kDummyHash = hash_password("waihu-dummy-password");
  bool ok = verify_password(rec ? rec->password_hash : kDummyHash, password) && rec && !rec->user.disabled;
  if (!ok) {
    db_.write([&](soci::session& sql) {
      audit::record(sql, {0,
                          now,
                          std::nullopt,
                          "session.login_failed",
                          "user",
                          rec ? std::optional<long long>(rec->user.id) : std::nullopt,
                          nullptr,
                          nullptr,
                          {{"username", username}, {"address", address}}});
    });
    throw Unauthorized("auth.invalid_credentials", "用户名或密码错误 / wrong username or password");
  }
  LoginResult out{new_session_token(), now + session_seconds_, rec->user};
  db_.write([&](soci::session& sql) {
    store::clear_throttle(sql, account_key);
    store::save_throttle(sql, address_key,
                         attempt_returned(store::throttle_for_update(sql, address_key), kAddressThrottle));
    store::insert_session(sql, token_digest(out.token), rec->user.id, now, out.expires_at, address);
    audit::record(
        sql, {0, now, rec->user.id, "session.login", "user", rec->user.id, nullptr, nullptr, {{"address", address}}});
  });
  return out;
}

Actor AuthService::authenticate(const std::string& token) {
  if (token.empty()) throw Unauthorized("auth.required", "请先登录 / login required");
  auto s = db_.read([&](soci::session& sql) { return store::session_by_token_hash(sql, token_digest(token)); });
  if (!s || s->revoked_at || s->expires_at <= clock_.now() || s->user.disabled) {
    throw Unauthorized("auth.session_expired", "登录已失效，请重新登录 / session expired; log in again");
  }
  return org_.actor_for(s->user);
}

void AuthService::logout(const std::string& token) {
  db_.write([&](soci::session& sql) { store::revoke_session(sql, token_digest(token), clock_.now()); });
}

}  // namespace waihu::org
