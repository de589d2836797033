#include "discipline/request_rules.hpp"

#include <algorithm>

namespace waihu::discipline {

std::string_view leave_verdict_name(LeaveVerdict v) {
  switch (v) {
    case LeaveVerdict::kExcused:
      return "excused";
    case LeaveVerdict::kNotApproved:
      return "not_approved";
    case LeaveVerdict::kApprovedLate:
      return "approved_late";
    case LeaveVerdict::kShortNotice:
      return "short_notice";
    case LeaveVerdict::kNoCertificate:
      return "no_certificate";
  }
  return "";
}

std::string_view resignation_outcome_name(ResignationOutcome o) {
  switch (o) {
    case ResignationOutcome::kInOrder:
      return "in_order";
    case ResignationOutcome::kShortNotice:
      return "short_notice";
    case ResignationOutcome::kFirstMonth:
      return "first_month";
  }
  return "";
}

LeaveVerdict judge_leave(const LeavePolicy& p, const LeaveFacts& f) {
  if (!f.approved_at) return LeaveVerdict::kNotApproved;
  if (f.from.plus_days(-p.notice_days) < f.requested_on) return LeaveVerdict::kShortNotice;
  if (p.approval_before_start && *f.approved_at >= f.first_day_starts_at) return LeaveVerdict::kApprovedLate;
  const bool needs =
      std::find(p.certificate_kinds.begin(), p.certificate_kinds.end(), f.kind) != p.certificate_kinds.end();
  if (needs && !f.has_certificate) return LeaveVerdict::kNoCertificate;
  return LeaveVerdict::kExcused;
}

ResignationOutcome judge_resignation(const ResignationPolicy& p, const calendar::LocalDate& requested_on,
                                     const calendar::LocalDate& last_day,
                                     const std::optional<calendar::LocalDate>& hired_on) {
  if (p.first_month_days > 0 && hired_on && last_day < hired_on->plus_days(p.first_month_days))
    return ResignationOutcome::kFirstMonth;
  if (last_day.days() - requested_on.days() < p.notice_days) return ResignationOutcome::kShortNotice;
  return ResignationOutcome::kInOrder;
}

bool withholds_final_pay(const ResignationPolicy& p, ResignationOutcome o) {
  if (o == ResignationOutcome::kFirstMonth) return true;
  return o == ResignationOutcome::kShortNotice && p.short_notice_no_pay;
}

}  // namespace waihu::discipline
