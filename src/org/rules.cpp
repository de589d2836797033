#include "org/rules.hpp"

#include <algorithm>

namespace waihu::org {

bool has_right(Role role, Right right) {
  switch (right) {
    case Right::kSeePhone:
      return role != Role::kQa;  // QA scores recordings; it has no need of the numbers
    case Right::kManageOrg:
      return role == Role::kAdmin;
    case Right::kBulkImport:
      return role == Role::kAdmin || role == Role::kManager || role == Role::kAssistant || role == Role::kSupervisor;
    case Right::kExportCustomers:
      return role == Role::kAdmin || role == Role::kManager || role == Role::kSupervisor || role == Role::kAssistant;
    case Right::kReadAudit:
      return role == Role::kAdmin || role == Role::kManager;
    case Right::kWriteCustomers:
      return role != Role::kQa;
    case Right::kAssignOwner:
      return role == Role::kAdmin || role == Role::kManager || role == Role::kSupervisor || role == Role::kAssistant;
  }
  return false;
}

Scope data_scope(Role role) {
  switch (role) {
    case Role::kAdmin:
      return Scope::kAll;
    case Role::kAgent:
    case Role::kFieldRep:
      return Scope::kOwn;
    default:
      return Scope::kTeamSubtree;
  }
}

ScopeFilter scope_filter(const Actor& actor) {
  ScopeFilter f;
  switch (data_scope(actor.role)) {
    case Scope::kAll:
      f.all = true;
      break;
    case Scope::kOwn:
      f.own_user_id = actor.user_id;
      break;
    case Scope::kTeamSubtree:
      f.team_ids = actor.scope_team_ids;
      break;
  }
  return f;
}

std::vector<long long> team_subtree(const std::vector<Team>& teams, long long root) {
  std::vector<long long> out{root};
  for (size_t i = 0; i < out.size(); ++i) {
    for (const auto& t : teams) {
      if (t.parent_id && *t.parent_id == out[i] && std::find(out.begin(), out.end(), t.id) == out.end()) {
        out.push_back(t.id);
      }
    }
  }
  return out;
}

bool would_cycle(const std::vector<Team>& teams, long long team, long long new_parent) {
  auto below = team_subtree(teams, team);
  return std::find(below.begin(), below.end(), new_parent) != below.end();
}

LoginThrottle after_failed_login(const std::optional<LoginThrottle>& current, long long now, const ThrottlePolicy& p) {
  LoginThrottle t = current.value_or(LoginThrottle{0, now, 0});
  if (now - t.window_start >= p.window_seconds) t = LoginThrottle{0, now, 0};
  ++t.failures;
  if (t.failures >= p.max_failures) t.locked_until = now + p.lockout_seconds;
  return t;
}

long long seconds_locked(const std::optional<LoginThrottle>& current, long long now) {
  if (!current || current->locked_until <= now) return 0;
  return current->locked_until - now;
}

std::string_view password_problem(std::string_view password) {
  if (password.size() < 8) return "密码至少 8 位 / password must have at least 8 characters";
  if (password.size() > 128) return "密码最多 128 位 / password must have at most 128 characters";
  return {};
}

bool is_valid_username(std::string_view u) {
  if (u.size() < 3 || u.size() > 32) return false;
  return std::all_of(u.begin(), u.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

}  // namespace waihu::org
