#pragma once
// Pure rules of the organisation: what each role may do and which data it sees.
#include <optional>
#include <string_view>
#include <vector>

#include "org/model.hpp"

namespace waihu::org {

enum class Right {
  kSeePhone,         ///< read full phone numbers of customers in scope
  kManageOrg,        ///< create/modify teams and users
  kBulkImport,       ///< bulk import of customers, calls and deals
  kExportCustomers,  ///< bulk export
  kReadAudit,
  kWriteCustomers,    ///< create and edit customers in scope
  kAssignOwner,       ///< move customers between agents and the pool
  kLogCalls,          ///< log calls and follow-ups (not QA, not assistants)
  kClaimPool,         ///< claim pool customers and release own ones (agents, field reps)
  kOwnDesk,           ///< works a desk of own customers and calls (agents, field reps)
  kViewOverview,      ///< the department's figures of the day and month (managers, supervisors, admins)
  kDraftPolicy,       ///< upload policy drafts, publish approved ones, see acknowledgements (managers, admins)
  kApprovePolicy,     ///< approve a policy draft (the director, 总经理)
  kCloseDays,         ///< close a past day's evaluation by hand (managers, admins, the director)
  kEnterPoints,       ///< enter catalogue points items for people in scope (supervisors and above)
  kDecideObjections,  ///< decide objections to ledger entries and dismissal cases (managers, admins, the director)
  kApproveRequests,   ///< approve leave, overtime and resignation requests of people in scope (supervisors and above)
  kAnswerReports,     ///< read and answer the work reports of people in scope, see the activity funds (supervisors up)
  kManageFund,        ///< record spending from a team's activity fund (managers, admins, the director)
  kRunPayroll,        ///< run, close and export payroll, answer pay inquiries (managers, admins, the director, finance)
};
inline constexpr Right kAllRights[] = {
    Right::kSeePhone,      Right::kManageOrg,       Right::kBulkImport,    Right::kExportCustomers,
    Right::kReadAudit,     Right::kWriteCustomers,  Right::kAssignOwner,   Right::kLogCalls,
    Right::kClaimPool,     Right::kOwnDesk,         Right::kViewOverview,  Right::kDraftPolicy,
    Right::kApprovePolicy, Right::kCloseDays,       Right::kEnterPoints,   Right::kDecideObjections,
    Right::kRunPayroll,    Right::kApproveRequests, Right::kAnswerReports, Right::kManageFund};
/// The right's name in /auth/me ("see_phone", "import_customers", …).
std::string_view right_name(Right right);

bool has_right(Role role, Right right);

enum class Scope {
  kAll,          ///< admin, director
  kTeamSubtree,  ///< manager (department), supervisor (group), assistant, QA
  kOwn,          ///< agent, field rep: own customers, plus the public pool read-only
};
Scope data_scope(Role role);

/// The rows an actor may see, as stores filter them: everything, those of people in `team_ids` (plus the public
/// pool, where a store has one), or the actor's own.
struct ScopeFilter {
  bool all = false;
  std::vector<long long> team_ids;
  std::optional<long long> own_user_id;
};
ScopeFilter scope_filter(const Actor& actor);

/// The ids of `root` and every team below it.
std::vector<long long> team_subtree(const std::vector<Team>& teams, long long root);
/// True when making `new_parent` the parent of `team` would close a loop.
bool would_cycle(const std::vector<Team>& teams, long long team, long long new_parent);

/// Failed logins: after `max_failures` within `window_seconds`, the key is locked for `lockout_seconds`.
struct ThrottlePolicy {
  long long max_failures;
  long long window_seconds;
  long long lockout_seconds;
};
inline constexpr ThrottlePolicy kAccountThrottle{5, 15 * 60, 15 * 60};
inline constexpr ThrottlePolicy kAddressThrottle{20, 15 * 60, 15 * 60};
/// The counter after one more failure at `now`.
LoginThrottle after_failed_login(const std::optional<LoginThrottle>& current, long long now, const ThrottlePolicy& p);
/// The counter when an attempt counted by after_failed_login turned out to be right: one failure fewer, and
/// unlocked when that takes it below the limit.
LoginThrottle attempt_returned(const LoginThrottle& t, const ThrottlePolicy& p);
/// Seconds the key stays locked from `now` (0 when not locked).
long long seconds_locked(const std::optional<LoginThrottle>& current, long long now);

/// Empty when acceptable, else the reason (zh-CN first, English after): 8-128 characters (not bytes), not blank,
/// not one of the most common passwords.
std::string_view password_problem(std::string_view password);
/// Usernames: 3–32 of a-z 0-9 . _ -
bool is_valid_username(std::string_view username);
/// The login a cell names: "agent01", or the username in "张伟 (agent01)" as exports write people.
std::string_view username_in(std::string_view cell);

}  // namespace waihu::org
