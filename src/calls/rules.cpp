#include "calls/rules.hpp"

#include <algorithm>
#include <array>

#include "util/strings.hpp"

namespace waihu::calls {

bool was_answered(CallResult r) {
  switch (r) {
    case CallResult::kRefused:
    case CallResult::kConnected:
    case CallResult::kCallbackRequested:
    case CallResult::kInterested:
    case CallResult::kDeal:
      return true;
    default:
      return false;
  }
}

namespace {
constexpr std::array<std::string_view, 7> kRecordFields{"company",   "contact",   "title", "phone",
                                                        "headcount", "it_status", "fax"};
}

std::optional<RecordField> parse_record_field(std::string_view s) {
  for (size_t i = 0; i < kRecordFields.size(); ++i)
    if (kRecordFields[i] == s) return static_cast<RecordField>(i);
  return std::nullopt;
}

std::string_view record_field_name(RecordField f) { return kRecordFields[static_cast<size_t>(f)]; }

bool RecordFacts::has(RecordField f) const { return std::find(filled.begin(), filled.end(), f) != filled.end(); }

RecordFacts record_facts(const crm::Customer& c) {
  RecordFacts r;
  auto add = [&](bool present, RecordField f) {
    if (present) r.filled.push_back(f);
  };
  add(!util::trim(c.company).empty(), RecordField::kCompany);
  add(!util::trim(c.contact_name).empty(), RecordField::kContact);
  add(!util::trim(c.title).empty(), RecordField::kTitle);
  add(!c.phones.empty(), RecordField::kPhone);
  add(c.headcount.has_value() && *c.headcount > 0, RecordField::kHeadcount);
  add(!util::trim(c.it_status).empty(), RecordField::kItStatus);
  add(!util::trim(c.fax).empty(), RecordField::kFax);
  return r;
}

bool effective_call(const Call& call, const EffectiveCallPolicy& policy, const RecordFacts* record) {
  if (!was_answered(call.result)) return false;
  const bool by_talk = call.talk_seconds >= policy.min_talk_seconds;
  const bool by_record = record && std::all_of(policy.record_fields.begin(), policy.record_fields.end(),
                                               [&](RecordField f) { return record->has(f); });
  switch (policy.form) {
    case EffectiveForm::kTalk:
      return by_talk;
    case EffectiveForm::kRecord:
      return by_record;
    case EffectiveForm::kTalkOrRecord:
      return by_talk || by_record;
    case EffectiveForm::kTalkAndRecord:
      return by_talk && by_record;
  }
  return false;
}

std::optional<crm::CustomerStatus> status_after_call(CallResult r) {
  using S = crm::CustomerStatus;
  switch (r) {
    case CallResult::kInvalidNumber:
      return S::kInvalid;
    case CallResult::kDeal:
      return S::kWon;
    case CallResult::kInterested:
      return S::kInterested;
    case CallResult::kCallbackRequested:
      return S::kFollowing;
    case CallResult::kConnected:
    case CallResult::kRefused:
      return S::kContacted;
    default:
      return std::nullopt;
  }
}

std::optional<TimesProblem> call_time_problem(const Call& c, long long now) {
  if (c.started_at < kEarliestCall) {
    return TimesProblem{"started_at", "开始时间早于 2000 年，请检查日期 / starts before 2000: check the date"};
  }
  if (c.started_at > now + kClockSkewSeconds) {
    return TimesProblem{"started_at", "开始时间在将来 / the call cannot start in the future"};
  }
  if (c.ended_at > now + kClockSkewSeconds) {
    return TimesProblem{"ended_at",
                        "结束时间在将来（开始时间加通话时长晚于现在）/ the call cannot end in the future "
                        "(start plus ring and talk time is later than now)"};
  }
  return std::nullopt;
}

std::optional<TimesProblem> apply_call_times(const CallTimes& t, Call& c) {
  constexpr long long kMaxCall = 12 * 3600;  // a longer "call" is a clock or export error
  c.started_at = t.started_at;
  for (auto [value, name] : {std::pair{t.ring_seconds, "ring_seconds"}, std::pair{t.talk_seconds, "talk_seconds"}}) {
    if (value && (*value < 0 || *value > kMaxCall)) {
      return TimesProblem{name, "应在 0 到 43200 秒之间 / must be 0 to 43200 seconds"};
    }
  }
  if (t.answered_at && *t.answered_at < t.started_at) {
    return TimesProblem{"answered_at", "接通时间早于开始时间 / before started_at"};
  }
  if (t.ended_at && *t.ended_at < (t.answered_at ? *t.answered_at : t.started_at)) {
    return TimesProblem{"ended_at", "结束时间早于开始或接通时间 / before started_at or answered_at"};
  }
  bool answered = was_answered(c.result);
  if (!answered && (t.answered_at || t.talk_seconds.value_or(0) > 0)) {
    return TimesProblem{"result", "未接通的结果不能有通话时长 / an unanswered call has no talk time"};
  }
  if (answered) {
    c.answered_at = t.answered_at ? t.answered_at : std::optional<long long>(t.started_at + t.ring_seconds.value_or(0));
    c.ring_seconds = *c.answered_at - t.started_at;
    if (t.ended_at) {
      c.ended_at = *t.ended_at;
      c.talk_seconds = c.ended_at - *c.answered_at;
      if (t.talk_seconds && *t.talk_seconds != c.talk_seconds) {
        return TimesProblem{"talk_seconds", "与 answered_at/ended_at 不一致 / disagrees with answered_at/ended_at"};
      }
    } else {
      c.talk_seconds = t.talk_seconds.value_or(0);
      c.ended_at = *c.answered_at + c.talk_seconds;
    }
  } else {
    c.answered_at.reset();
    c.talk_seconds = 0;
    c.ended_at = t.ended_at ? *t.ended_at : t.started_at + t.ring_seconds.value_or(0);
    c.ring_seconds = c.ended_at - t.started_at;
  }
  if (c.ended_at - c.started_at > kMaxCall) return TimesProblem{"ended_at", "通话超过 12 小时 / longer than 12 hours"};
  return std::nullopt;
}

}  // namespace waihu::calls
