#include "audit/actions.hpp"

#include <array>

namespace waihu::audit {

namespace {
constexpr std::array<NamedAction, 52> kActions{{
    {"customer.create", {"新建客户", "Customer created"}},
    {"customer.update", {"修改客户", "Customer edited"}},
    {"customer.assign", {"客户归属变更", "Customer owner changed"}},
    {"customer.status", {"客户状态变更", "Customer status changed"}},
    {"customer.import", {"导入客户", "Customers imported"}},
    {"customer.export", {"导出客户", "Customers exported"}},
    {"duplicate_claim.open", {"撞单申诉", "Duplicate claim opened"}},
    {"duplicate_claim.escalate", {"撞单上报", "Duplicate claim escalated"}},
    {"duplicate_claim.yield", {"撞单让出", "Duplicate claim given up"}},
    {"duplicate_claim.decide", {"撞单决定", "Duplicate claim decided"}},
    {"count.approve", {"审核当日统计", "Day count signed off"}},
    {"team_target.set", {"设定团队目标", "Team target set"}},
    {"payroll.run", {"计算工资", "Payroll computed"}},
    {"payroll.close", {"结算工资月份", "Payroll month closed"}},
    {"minimum_wage.set", {"设定最低工资", "Minimum wage set"}},
    {"team_city.set", {"设定团队所在城市", "Team city set"}},
    {"probation.exception", {"批准试用期例外", "Probation exception granted"}},
    {"pay_inquiry.raise", {"提出工资疑问", "Pay inquiry raised"}},
    {"pay_inquiry.answer", {"答复工资疑问", "Pay inquiry answered"}},
    {"pay_statement.export", {"导出工资单", "Pay statements exported"}},
    {"pay_statement.view", {"查看他人工资单", "Another's pay statement viewed"}},
    {"elimination.decide", {"末位淘汰确认", "Elimination list decided"}},
    {"follow_up.log", {"登记跟进", "Follow-up logged"}},
    {"call.import", {"导入话单", "Call records imported"}},
    {"call.export", {"导出通话", "Calls exported"}},
    {"call_activity.export", {"导出坐席通话统计", "Call figures exported"}},
    {"call.talk_correction", {"更正通话时长", "Talk time corrected"}},
    {"deal.create", {"登记成交", "Deal recorded"}},
    {"deal.import", {"导入成交", "Deals imported"}},
    {"deal.payment", {"登记回款", "Payment recorded"}},
    {"deal.refund", {"登记退款", "Refund recorded"}},
    {"deal.amount_correction", {"更正成交金额", "Deal amount corrected"}},
    {"user.create", {"新建用户", "User created"}},
    {"user.update", {"修改用户", "User edited"}},
    {"user.disable", {"停用用户", "User disabled"}},
    {"user.enable", {"启用用户", "User re-enabled"}},
    {"user.password_change", {"修改密码", "Password changed"}},
    {"user.password_reset", {"重置密码", "Password reset"}},
    {"team.create", {"新建团队", "Team created"}},
    {"team.update", {"修改团队", "Team edited"}},
    {"session.login", {"登录", "Signed in"}},
    {"session.login_failed", {"登录失败", "Sign-in failed"}},
    {"audit.export", {"导出审计日志", "Audit log exported"}},
    {"calendar.mark", {"标记节假日/调休", "Calendar day marked"}},
    {"calendar.unmark", {"取消节假日/调休", "Calendar day unmarked"}},
    {"calendar.import", {"导入工作日历", "Calendar imported"}},
    {"policy.draft", {"上传制度草稿", "Policy draft uploaded"}},
    {"policy.update", {"修改制度草稿", "Policy draft changed"}},
    {"policy.approve", {"批准制度", "Policy approved"}},
    {"policy.publish", {"发布制度", "Policy published"}},
    {"policy.discard", {"撤销制度草稿", "Policy draft discarded"}},
    {"policy.apply", {"命令行发布制度", "Policy applied from the command line"}},
}};
}  // namespace

std::span<const NamedAction> named_actions() { return kActions; }

util::Label action_label(std::string_view action) {
  for (const auto& a : kActions) {
    if (a.action == action) return a.label;
  }
  return {action, action};
}

}  // namespace waihu::audit
