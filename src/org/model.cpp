#include "org/model.hpp"

#include <array>
#include <utility>

namespace waihu::org {

namespace {
struct RoleInfo {
  Role role;
  std::string_view name;
  std::string_view zh;
};
constexpr std::array<RoleInfo, 9> kRoles{{
    {Role::kAdmin, "admin", "系统管理员"},
    {Role::kManager, "manager", "销售经理"},
    {Role::kSupervisor, "supervisor", "销售主管"},
    {Role::kAgent, "agent", "电话销售"},
    {Role::kFieldRep, "field_rep", "商务代表"},
    {Role::kQa, "qa", "质检员"},
    {Role::kAssistant, "assistant", "商务助理"},
    {Role::kDirector, "director", "总经理"},
    {Role::kFinance, "finance", "财务"},
}};
}  // namespace

std::optional<Role> parse_role(std::string_view s) {
  for (const auto& r : kRoles) {
    if (r.name == s) return r.role;
  }
  return std::nullopt;
}

std::string_view role_name(Role r) { return kRoles[static_cast<size_t>(r)].name; }
std::string_view role_label_zh(Role r) { return kRoles[static_cast<size_t>(r)].zh; }

std::optional<EmploymentStatus> parse_employment_status(std::string_view s) {
  if (s == "probation") return EmploymentStatus::kProbation;
  if (s == "regular") return EmploymentStatus::kRegular;
  if (s == "left") return EmploymentStatus::kLeft;
  return std::nullopt;
}

std::string_view employment_status_name(EmploymentStatus s) {
  switch (s) {
    case EmploymentStatus::kProbation:
      return "probation";
    case EmploymentStatus::kRegular:
      return "regular";
    case EmploymentStatus::kLeft:
      return "left";
  }
  return "probation";
}

}  // namespace waihu::org
