#pragma once
// The [meetings] section: each `[[meetings.kind]]` with its names, usual time, whether it falls inside the workday
// (choice 15, required) and the [points] item a missed one costs (checked against the catalogue).
//
//   [[meetings.kind]]
//   kind = "company"
//   zh = "公司会议"
//   en = "Company meeting"
//   within_workday = true
//   missed_item = "missed_meeting"
#include <optional>

#include "discipline/meeting_model.hpp"
#include "discipline/points_model.hpp"
#include "policy/document.hpp"
#include "policy/model.hpp"

namespace waihu::discipline {

std::optional<MeetingsPolicy> read_meetings_section(const policy::Document& doc, const PointsPolicy* points, bool& ok);
policy::RuleSection describe_meetings(const MeetingsPolicy& p, const PointsPolicy* points);

}  // namespace waihu::discipline
