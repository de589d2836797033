#pragma once
// The [attendance] section of a policy, owned by the discipline module (the workday's hours are the header's):
//
//   [attendance]
//   roles = ["agent", "supervisor"]          # who clocks in and is judged
//   minor_up_to_minutes = 30                 # late or early by up to 30 minutes (30 included): the minor item
//   minor = { fine_fen = 1000, points = -2 }
//   over_minor_also_fined = false            # more than 30 minutes: also the minor fine? (SPEC §11 choice 11)
//   half_day = { points = -5 }               # more than 30 minutes: half a day absent
//   day = { points = -10 }                   # a day absent
//   absence_fine = { day_base_times = 3, day_base = "month_over_21.75", half_day = "half" }
//   missing_clock = "minor"                  # no clock-in/out: "minor" (视同迟到、早退) or "half_day"
//   no_show = "absent_day"                   # no clock and no call all day: "absent_day" or "late_and_early"
//
// And its worked examples of one day:
//
//   [[example]]
//   of = "attendance_day"
//   name = "…"
//   clock_in = "09:31"                       # optional (missing: no clock-in)
//   clock_out = "18:00"                      # optional
//   calls = 12                               # optional: calls that day
//   expect = { items = ["absent_half_day"], points = -5, fine_fen = 0, base_days = 1.5 }
#include <optional>

#include "discipline/attendance_model.hpp"
#include "policy/document.hpp"
#include "policy/header.hpp"
#include "policy/model.hpp"

namespace waihu::discipline {

/// nullopt without an [attendance] section (`ok` stays true) or with problems (`ok` false).
std::optional<AttendancePolicy> read_attendance_section(const policy::Document& doc, bool& ok);
/// The rule as the rule book shows it, the workday's hours from the header.
policy::RuleSection describe_attendance(const AttendancePolicy& p, const policy::Header& h);
/// Reads an `of = "attendance_day"` example and compares its `expect` with the judgement (when the policy could
/// be read: `p` and `h` not null). Returns whether it ran.
bool check_attendance_example(const policy::Table& example, const AttendancePolicy* p, const policy::Header* h);

}  // namespace waihu::discipline
