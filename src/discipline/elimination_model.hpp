#pragma once
// 末位淘汰 (seed 001 "末位淘汰…排名后三位、低于公司最低标准…连续两个月未达到基础业绩或当月业绩为零者淘汰"): at month
// end the people the section names are ranked by one metric and listed when a rule catches them; each rule proposes a
// warning or an elimination, which a manager confirms or overrides with a reason (SPEC §11 choice 17).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waihu::discipline {

enum class Proposal { kWarning, kElimination };
std::string_view proposal_name(Proposal p);

enum class EliminationTrigger {
  kBottom,       ///< among the bottom `count` of the ranking (ties at the edge all listed)
  kBelow,        ///< the month's figure below `under`
  kBelowMonths,  ///< below `under` for `months` months in a row, this one included
  kZero,         ///< the month's figure is zero
};
std::string_view trigger_name(EliminationTrigger t);

struct EliminationRule {
  EliminationTrigger when = EliminationTrigger::kBottom;
  long long count = 0;      ///< kBottom
  bool among_team = false;  ///< kBottom: ranked within the person's team (false: the whole company)
  long long under = 0;      ///< kBelow, kBelowMonths: in the metric's unit (fen for revenue_fen)
  long long months = 0;     ///< kBelowMonths
  Proposal proposes = Proposal::kWarning;
};

struct EliminationPolicy {
  std::vector<std::string> roles;
  std::string metric;  ///< a metric of the metric layer
  std::vector<EliminationRule> rules;
};

}  // namespace waihu::discipline
