#pragma once
// Pure call rules: what counts as an effective call (有效通话), how a call's times fit together, and where a
// customer's status goes after a call. The policy issue generalises the effective-call policy; this is the one
// definition everything else calls.
#include <functional>
#include <optional>
#include <string>

#include "calls/model.hpp"
#include "crm/model.hpp"

namespace waihu::calls {

/// How a policy decides an effective call (有效通话): by talk time, by the record it leaves (seed 004: the customer's
/// record holds company, contact, title, phone, headcount and IT status), either, or both. Answered calls only.
enum class EffectiveForm { kTalk, kRecord, kTalkOrRecord, kTalkAndRecord };
/// The fields of the customer's record the record form can ask for.
enum class RecordField { kCompany, kContact, kTitle, kPhone, kHeadcount, kItStatus, kFax };
std::optional<RecordField> parse_record_field(std::string_view s);
std::string_view record_field_name(RecordField f);

/// The effective-call rule of a policy ([effective_call]). Default: connected with at least 30 seconds of talk.
struct EffectiveCallPolicy {
  EffectiveForm form = EffectiveForm::kTalk;
  long long min_talk_seconds = 30;
  std::vector<RecordField> record_fields;
};

/// What the customer's record held when the call was logged: the fields with something in them (a contact counts
/// with one character — a surname).
struct RecordFacts {
  std::vector<RecordField> filled;
  bool has(RecordField f) const;
};
/// The filled fields of a customer's record.
RecordFacts record_facts(const crm::Customer& c);

/// True when the callee answered (whatever they then said).
bool was_answered(CallResult r);

/// The effective-call rule of the policy in force at an instant (the composition root reads the policy versions);
/// empty: the default rule.
using EffectiveRuleAt = std::function<EffectiveCallPolicy(long long unix_seconds)>;

/// 有效通话 by the policy's form: answered, and talk of at least the minimum and/or a record holding every field the
/// policy names (`record`: the customer's record when the call was logged; nullptr for a call to no customer).
bool effective_call(const Call& call, const EffectiveCallPolicy& policy, const RecordFacts* record = nullptr);

/// The customer's status after a call with this result, if the call moves it at all: invalid number → invalid,
/// deal → won, interested → interested, callback requested → following, answered → contacted. The lifecycle
/// (crm::can_change_status) still decides whether the move is allowed.
std::optional<crm::CustomerStatus> status_after_call(CallResult r);

/// The times of a call as given, checked and completed. `answered_at`/`ended_at` win over the second counts.
struct CallTimes {
  long long started_at = 0;
  std::optional<long long> answered_at;
  std::optional<long long> ended_at;
  std::optional<long long> ring_seconds;
  std::optional<long long> talk_seconds;
};
struct TimesProblem {
  std::string field;
  std::string reason;
};
/// True when the talk time is typed rather than measured: talk seconds given without both the answered and ended
/// moments. The floor's figures come from measured calls, so a typed one is a correction that needs a reason.
inline bool talk_seconds_typed(const CallTimes& t) {
  return t.talk_seconds.value_or(0) > 0 && !(t.answered_at && t.ended_at);
}
/// Fills answered/ended/ring/talk of `call` from `t`, or names the field that does not fit.
std::optional<TimesProblem> apply_call_times(const CallTimes& t, Call& call);

/// Clocks disagree a little: a call may seem to end up to this long after `now`.
inline constexpr long long kClockSkewSeconds = 5 * 60;
/// No call of any customer's was made before this (2000-01-01T00:00:00Z): an earlier start is a broken clock or
/// a typing error.
inline constexpr long long kEarliestCall = 946684800;
/// A call's times against the clock (UTC seconds): it cannot start before kEarliestCall, nor start or end after
/// `now` + kClockSkewSeconds. Run after apply_call_times; names "started_at" or "ended_at".
std::optional<TimesProblem> call_time_problem(const Call& call, long long now);

}  // namespace waihu::calls
