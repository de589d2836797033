#pragma once
// The attendance rule, pure: a day's clock-in and clock-out against the workday.
#include "discipline/attendance_model.hpp"

namespace waihu::discipline {

/// Judges one working day. Minutes are whole clock minutes: a clock-in at 09:00:59 is on time, at 09:30 thirty
/// minutes late (the minor item under seed 004), at 09:31 thirty-one (half a day absent). A missing clock-in or
/// clock-out counts as the policy says; neither clock nor any call counts as the policy's no-show.
AttendanceJudgement judge_day(const AttendancePolicy& p, const AttendanceFacts& f);

}  // namespace waihu::discipline
