#pragma once
// A company's policy as every module reads it: the policy core parses the file, each module reads and checks its
// own section, and the worked examples ([[example]]) are run against what was read. One function serves
// `waihu policy check`, the draft upload and the scenario runner, so a file passes or fails the same way
// everywhere.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calls/rules.hpp"
#include "discipline/attendance_model.hpp"
#include "discipline/claim_model.hpp"
#include "discipline/elimination_model.hpp"
#include "discipline/meeting_model.hpp"
#include "discipline/points_model.hpp"
#include "discipline/report_model.hpp"
#include "discipline/request_model.hpp"
#include "kpi/definitions.hpp"
#include "pay/model.hpp"
#include "policy/document.hpp"
#include "policy/header.hpp"
#include "policy/model.hpp"
#include "quota/model.hpp"

namespace waihu::app {

struct CompanyPolicy {
  policy::Header header;
  calls::EffectiveCallPolicy effective_call;
  kpi::KpiPolicy metrics;
  std::optional<quota::QuotaPolicy> quotas;                  ///< none: the policy sets no daily targets
  std::optional<discipline::AttendancePolicy> attendance;    ///< none: nobody is judged on the clock
  std::optional<discipline::PointsPolicy> points;            ///< none: no points ledger
  std::optional<discipline::LeavePolicy> leave;              ///< none: leave is not asked for in Waihu
  std::optional<discipline::ResignationPolicy> resignation;  ///< none: no notice rule
  std::optional<discipline::ReportsPolicy> reports;          ///< none: no reports asked for
  std::optional<discipline::FabricationPolicy> fabrication;  ///< none: a fabricated record costs nothing
  std::optional<discipline::ClaimPolicy> claims;             ///< none: escalating a 撞单 costs nothing
  std::optional<discipline::EliminationPolicy> elimination;  ///< none: no month-end elimination list
  std::optional<discipline::MeetingsPolicy> meetings;        ///< none: meetings are not held in Waihu
  std::optional<pay::PayPolicy> pay;                         ///< none: Waihu computes no pay
  /// Every section as people read it, in the file's section order.
  policy::RuleBook rule_book() const;
};

struct PolicyCheck {
  std::optional<CompanyPolicy> policy;  ///< set only when there are no problems
  std::vector<policy::Problem> problems;
  int examples = 0;  ///< worked examples run (all passed when there are no problems)
};

/// Reads and checks a policy file; `file` names it in the problems (FILE:LINE:COLUMN: reason).
PolicyCheck check_policy(std::string_view text, const std::string& file);
/// The same, as the policy service keeps it: problems, or name, date and rule book.
policy::Checked checked(std::string_view text, const std::string& file);

}  // namespace waihu::app
