#pragma once
// Organisation (SPEC §1): teams as a tree, users with a role, and the Actor a request runs as.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace waihu::org {

/// kDirector is the 总经理 (seed 001): sees the whole company and approves policy changes. kFinance (财务) runs and
/// closes payroll and reads everyone's pay, and nothing of the customers.
enum class Role { kAdmin, kManager, kSupervisor, kAgent, kFieldRep, kQa, kAssistant, kDirector, kFinance };
enum class EmploymentStatus { kProbation, kRegular, kLeft };

std::optional<Role> parse_role(std::string_view s);
std::string_view role_name(Role r);
/// The zh-CN label users see ("系统管理员", "坐席" …).
std::string_view role_label_zh(Role r);
std::optional<EmploymentStatus> parse_employment_status(std::string_view s);
std::string_view employment_status_name(EmploymentStatus s);

struct Team {
  long long id = 0;
  std::string name;
  std::optional<long long> parent_id;
  long long created_at = 0;
};

struct User {
  long long id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kAgent;
  long long team_id = 0;
  std::string hired_on;  ///< "YYYY-MM-DD", may be empty
  EmploymentStatus employment_status = EmploymentStatus::kProbation;
  /// A leaver's last day worked ("YYYY-MM-DD") and how they left: "resigned" (辞职 — their resignation request and
  /// the [resignation] rule decide the final pay) or "dismissed" (辞退: the company ended the work). Both none while
  /// the person works.
  std::optional<std::string> left_on, left_reason;
  long long level = 1;
  long long prior_months = 0;  ///< telesales experience before joining
  std::optional<std::string> extension;
  bool disabled = false;
  long long created_at = 0;
  long long updated_at = 0;
};

/// How records name a person.
struct PersonName {
  std::string display_name;
  std::string username;
  /// "张伟 (agent01)": the name people know, and the login that tells two 张伟 apart.
  std::string label() const { return display_name + " (" + username + ")"; }
};

/// Failed-login counter for one account or one address.
struct LoginThrottle {
  long long failures = 0;
  long long window_start = 0;
  long long locked_until = 0;
};

/// Who a request runs as, with the teams whose data they may see (their team's subtree; empty for admin = all).
struct Actor {
  long long user_id = 0;
  std::string username;
  Role role = Role::kAgent;
  long long team_id = 0;
  std::vector<long long> scope_team_ids;
};

/// People as phone systems and sheets name them, for matching many records at once: by extension and by
/// username.
struct PeopleDirectory {
  std::unordered_map<std::string, long long> by_extension;
  std::unordered_map<std::string, long long> by_username;
  std::optional<long long> extension(std::string_view ext) const {
    auto it = by_extension.find(std::string(ext));
    return it == by_extension.end() ? std::nullopt : std::optional<long long>(it->second);
  }
  /// An extension first, then a username.
  std::optional<long long> extension_or_username(std::string_view ref) const {
    if (auto e = extension(ref)) return e;
    auto it = by_username.find(std::string(ref));
    return it == by_username.end() ? std::nullopt : std::optional<long long>(it->second);
  }
};

/// The command line acts as this: admin rights, no user row (audit rows name no actor).
inline Actor system_actor() { return Actor{0, "cli", Role::kAdmin, 0, {}}; }
/// The user id an audit row names for `a` (none for the command line).
inline std::optional<long long> audit_actor(const Actor& a) {
  return a.user_id ? std::optional<long long>(a.user_id) : std::nullopt;
}

}  // namespace waihu::org
