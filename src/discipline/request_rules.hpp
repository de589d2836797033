#pragma once
// The request rules, pure: whether approved leave excuses its days, and a resignation's standing.
#include "discipline/request_model.hpp"

namespace waihu::discipline {

/// Excused only when approved, approved in time, asked `notice_days` ahead (requested on or before the day that
/// many days before `from`), and with a certificate for the kinds that need one.
LeaveVerdict judge_leave(const LeavePolicy& p, const LeaveFacts& f);

/// A resignation asked on `requested_on` to leave after `last_day`, by someone hired on `hired_on` (empty: unknown,
/// never the first month). The first month wins over the notice (either way no final pay).
ResignationOutcome judge_resignation(const ResignationPolicy& p, const calendar::LocalDate& requested_on,
                                     const calendar::LocalDate& last_day,
                                     const std::optional<calendar::LocalDate>& hired_on);

/// Whether the outcome withholds the final pay.
bool withholds_final_pay(const ResignationPolicy& p, ResignationOutcome o);

}  // namespace waihu::discipline
