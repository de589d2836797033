#pragma once
// Requests a person makes and a supervisor approves (seed 004): leave —
// "事假、病假需提早一日书面申请，并由主管签字确认后 方可生效；病假需带医院证明或病假单方可有效；否则按旷工处理" —,
// overtime asked ahead, and resignation — "离职员工需提前15日
// 提交辞职申请书，经主管同意、签字确认后生效，未按规定者视同自动离职，无任何薪资；员工进入公司未满一个月主动提出离职无任何
// 薪资". The numbers are the [leave] and [resignation] sections'.
#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"

namespace waihu::discipline {

struct LeavePolicy {
  std::vector<std::string> kinds;              ///< "personal" (事假), "sick" (病假)
  long long notice_days = 1;                   ///< requested at least this many days before its first day
  bool approval_before_start = true;           ///< approved before its first day begins (else: before it is closed)
  std::vector<std::string> certificate_kinds;  ///< kinds that count only with a certificate uploaded
};

struct ResignationPolicy {
  long long notice_days = 15;       ///< requested at least this many days before the last day
  bool short_notice_no_pay = true;  ///< less notice: left of one's own accord, no final pay (视同自动离职)
  long long first_month_days = 30;  ///< leaving within this many days of being hired: no final pay (0: no such rule)
};

/// What the rules need of a leave request to decide whether it excuses a day.
struct LeaveFacts {
  std::string kind;
  calendar::LocalDate from, to;
  calendar::LocalDate requested_on;
  std::optional<long long> approved_at;  ///< Unix seconds; none: not approved
  long long first_day_starts_at = 0;     ///< Unix seconds: the company's midnight starting `from`
  bool has_certificate = false;
};

/// Whether leave excuses its days, and why not.
enum class LeaveVerdict { kExcused, kNotApproved, kApprovedLate, kShortNotice, kNoCertificate };
std::string_view leave_verdict_name(LeaveVerdict v);

/// A resignation's standing for the pay run.
enum class ResignationOutcome { kInOrder, kShortNotice, kFirstMonth };
std::string_view resignation_outcome_name(ResignationOutcome o);

}  // namespace waihu::discipline
