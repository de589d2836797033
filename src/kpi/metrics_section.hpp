#pragma once
// The [metrics] section of a policy and its worked examples of one agent-day, owned by the kpi module:
//
//   [metrics]
//   talk_minutes = "sum_round_down"            # per_call_round_up | sum_round_up | sum_round_down
//   follow_up_worthy = ["interested", "following"]   # 意向, 可发展 (跟进中)
//
//   [[example]]
//   of = "agent_day"
//   name = "29 秒不算有效，30 秒算"
//   calls = [ { result = "connected", talk_seconds = 30 }, { result = "connected", talk_seconds = 29 } ]
//   expect = { dials = 2, effective_calls = 1, talk_minutes = 0 }
#include <optional>

#include "kpi/definitions.hpp"
#include "policy/document.hpp"
#include "policy/model.hpp"

namespace waihu::kpi {

std::optional<KpiPolicy> read_metrics_section(const policy::Document& doc);
/// The counting rules as the rule book shows them.
policy::RuleSection describe_metrics(const KpiPolicy& p);

/// The facts of an `of = "agent_day"` example: calls = [{result, talk_seconds, record = [fields]}], faxes =
/// [{record, called_before}], follow_ups = N, statuses = {interested = N, …}, new_customers = {A = N, …},
/// deals / payments / refunds = [{fen = N}]; nullopt with the problems in the document when one is wrong.
std::optional<DayFacts> read_day_example(const policy::Table& example);

}  // namespace waihu::kpi
