#pragma once
// The [effective_call] section of a policy, owned by the calls module:
//
//   [effective_call]
//   form = "talk"                 # talk | record | talk_or_record | talk_and_record
//   min_talk_seconds = 30         # talk forms: answered with at least this many seconds of talk (30 counts)
//   record_fields = ["company", "contact", "title", "phone", "headcount", "it_status"]   # record forms
//
// A key the form does not use is a problem, not a silent no-op.
#include <optional>

#include "calls/rules.hpp"
#include "policy/document.hpp"
#include "policy/model.hpp"

namespace waihu::calls {

std::optional<EffectiveCallPolicy> read_effective_call_section(const policy::Document& doc);
/// The rule as the rule book shows it.
policy::RuleSection describe_effective_call(const EffectiveCallPolicy& p);

}  // namespace waihu::calls
