#pragma once
// The [leave] and [resignation] sections of a policy, owned by the discipline module:
//
//   [leave]
//   kinds = ["personal", "sick"]       # 事假、病假
//   notice_days = 1                    # asked at least a day before its first day
//   approval = "before_start"          # approved before its first day begins ("before_close": before the day closes)
//   certificate = ["sick"]             # kinds that count only with a certificate uploaded
//
//   [resignation]
//   notice_days = 15                   # asked at least 15 days before the last day
//   short_notice = "no_final_pay"      # or "final_pay"
//   first_month_days = 30              # leaving within 30 days of being hired: no final pay (0: no such rule)
//
// Leave that is not excused leaves its days to the attendance rule (absent when not at work).
#include <optional>

#include "discipline/request_model.hpp"
#include "policy/document.hpp"
#include "policy/model.hpp"

namespace waihu::discipline {

/// nullopt without the section (`ok` stays true) or with problems (`ok` false).
std::optional<LeavePolicy> read_leave_section(const policy::Document& doc, bool& ok);
std::optional<ResignationPolicy> read_resignation_section(const policy::Document& doc, bool& ok);
policy::RuleSection describe_leave(const LeavePolicy& p);
policy::RuleSection describe_resignation(const ResignationPolicy& p);

}  // namespace waihu::discipline
