#include "org/rules.hpp"

#include <algorithm>
#include <utility>

#include "util/strings.hpp"

namespace waihu::org {

bool has_right(Role role, Right right) {
  switch (right) {
    case Right::kSeePhone:
      // QA scores recordings and finance pays people: neither has need of the numbers.
      return role != Role::kQa && role != Role::kFinance;
    case Right::kManageOrg:
      return role == Role::kAdmin;
    case Right::kDraftPolicy:
      return role == Role::kAdmin || role == Role::kManager;
    case Right::kApprovePolicy:
      return role == Role::kDirector;
    case Right::kBulkImport:
      return role == Role::kAdmin || role == Role::kManager || role == Role::kAssistant || role == Role::kSupervisor;
    case Right::kExportCustomers:
      return role == Role::kAdmin || role == Role::kManager || role == Role::kSupervisor || role == Role::kAssistant;
    case Right::kReadAudit:
      return role == Role::kAdmin || role == Role::kManager || role == Role::kDirector;
    case Right::kWriteCustomers:
      return role != Role::kQa && role != Role::kFinance;
    case Right::kAssignOwner:
      return role == Role::kAdmin || role == Role::kManager || role == Role::kSupervisor || role == Role::kAssistant;
    case Right::kLogCalls:
      return role != Role::kQa && role != Role::kAssistant && role != Role::kDirector && role != Role::kFinance;
    case Right::kClaimPool:
    case Right::kOwnDesk:
      return role == Role::kAgent || role == Role::kFieldRep;
    case Right::kViewOverview:
      return role == Role::kAdmin || role == Role::kManager || role == Role::kSupervisor || role == Role::kDirector;
    case Right::kCloseDays:
    case Right::kDecideObjections:
    case Right::kManageFund:
      return role == Role::kAdmin || role == Role::kManager || role == Role::kDirector;
    case Right::kRunPayroll:
      return role == Role::kAdmin || role == Role::kManager || role == Role::kDirector || role == Role::kFinance;
    case Right::kEnterPoints:
    case Right::kApproveRequests:
    case Right::kAnswerReports:
      return role == Role::kAdmin || role == Role::kManager || role == Role::kSupervisor || role == Role::kDirector;
  }
  return false;
}

std::string_view right_name(Right right) {
  switch (right) {
    case Right::kSeePhone:
      return "see_phone";
    case Right::kManageOrg:
      return "manage_org";
    case Right::kBulkImport:
      return "import_customers";
    case Right::kExportCustomers:
      return "export_customers";
    case Right::kReadAudit:
      return "read_audit";
    case Right::kWriteCustomers:
      return "write_customers";
    case Right::kAssignOwner:
      return "assign_owner";
    case Right::kLogCalls:
      return "log_calls";
    case Right::kClaimPool:
      return "claim_pool";
    case Right::kOwnDesk:
      return "own_desk";
    case Right::kViewOverview:
      return "view_overview";
    case Right::kDraftPolicy:
      return "draft_policy";
    case Right::kApprovePolicy:
      return "approve_policy";
    case Right::kCloseDays:
      return "close_days";
    case Right::kEnterPoints:
      return "enter_points";
    case Right::kDecideObjections:
      return "decide_objections";
    case Right::kApproveRequests:
      return "approve_requests";
    case Right::kAnswerReports:
      return "answer_reports";
    case Right::kManageFund:
      return "manage_fund";
    case Right::kRunPayroll:
      return "run_payroll";
  }
  return "";
}

Scope data_scope(Role role) {
  switch (role) {
    case Role::kAdmin:
    case Role::kDirector:
    case Role::kFinance:  // the whole company's pay
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

LoginThrottle attempt_returned(const LoginThrottle& t, const ThrottlePolicy& p) {
  LoginThrottle out = t;
  if (out.failures > 0) --out.failures;
  if (out.failures < p.max_failures) out.locked_until = 0;
  return out;
}

long long seconds_locked(const std::optional<LoginThrottle>& current, long long now) {
  if (!current || current->locked_until <= now) return 0;
  return current->locked_until - now;
}

namespace {
// The passwords tried first by anyone guessing, Chinese favourites included (lower case; compared case-blind).
constexpr std::string_view kCommonPasswords[] = {
    "12345678",      "123456789",  "1234567890", "87654321",   "11111111",  "00000000",    "88888888",  "66666666",
    "12341234",      "11223344",   "123123123",  "147258369",  "159357456", "123456abc",   "abc12345",  "abcd1234",
    "a1234567",      "a12345678",  "a123456789", "qwertyui",   "qwerty123", "qwer1234",    "1qaz2wsx",  "1q2w3e4r",
    "zxcvbnm1",      "asdfghjk",   "asdf1234",   "password",   "password1", "password123", "passw0rd",  "p@ssw0rd",
    "iloveyou",      "woaini1314", "woaini520",  "5201314520", "13145200",  "admin123",    "admin888",  "admin12345",
    "administrator", "root1234",   "welcome1",   "letmein1",   "changeme",  "sunshine",    "football",  "baseball",
    "superman",      "whatever",   "trustno1",   "princess",   "dragon12",  "monkey12",    "aaaaaaaa",  "abcdefgh",
    "aa123456",      "qq123456",   "woaini123",  "zhang123",   "wang1234",  "li123456",    "huawei123", "waihu123",
};

bool only_spaces(std::string_view s) { return util::trim(s).empty(); }
}  // namespace

std::string_view password_problem(std::string_view password) {
  // Length in characters, as people count them: "密码安全很重要" is 7, not 21.
  size_t chars = util::is_valid_utf8(password) ? util::utf8_length(password) : password.size();
  if (only_spaces(password)) return "密码不能为空或只有空格 / password cannot be blank";
  if (chars < 8) return "密码至少 8 个字符 / password must have at least 8 characters";
  if (chars > 128) return "密码最多 128 个字符 / password must have at most 128 characters";
  std::string lower = util::to_lower_ascii(password);
  for (auto common : kCommonPasswords) {
    if (lower == common) return "密码太常见，容易被猜中 / this password is too common to be safe";
  }
  return {};
}

bool is_valid_username(std::string_view u) {
  if (u.size() < 3 || u.size() > 32) return false;
  return std::all_of(u.begin(), u.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

std::string_view username_in(std::string_view cell) {
  // Half- or full-width brackets, as Excel users retype them.
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
    if (!cell.ends_with(close)) continue;
    auto start = cell.rfind(open);
    if (start == std::string_view::npos) continue;
    std::string_view inside = cell.substr(start + open.size(), cell.size() - close.size() - start - open.size());
    if (is_valid_username(inside)) return inside;
  }
  return cell;
}

}  // namespace waihu::org
