#include "kpi/definitions.hpp"

#include <algorithm>

namespace waihu::kpi {

bool is_metric(std::string_view name) {
  return std::find(kMetricNames.begin(), kMetricNames.end(), name) != kMetricNames.end();
}

std::pair<std::string, std::string> metric_label(std::string_view name) {
  static const std::map<std::string_view, std::pair<std::string, std::string>> kLabels{
      {"dials", {"外呼", "dials"}},
      {"connects", {"接通", "connects"}},
      {"effective_calls", {"有效通话", "effective calls"}},
      {"talk_seconds", {"通话秒数", "talk seconds"}},
      {"talk_minutes", {"通话分钟", "call minutes"}},
      {"faxes", {"传真", "faxes"}},
      {"follow_ups", {"跟进记录", "follow-ups"}},
      {"follow_up_worthy", {"可持续跟进客户", "customers worth following"}},
      {"interested_customers", {"意向客户", "interested customers"}},
      {"new_customers", {"新开发客户", "new customers"}},
      {"new_customers_a", {"A类新客户", "new grade-A customers"}},
      {"new_customers_b", {"B类新客户", "new grade-B customers"}},
      {"new_customers_c", {"C类新客户", "new grade-C customers"}},
      {"new_customers_d", {"D类新客户", "new grade-D customers"}},
      {"deals", {"成交", "deals"}},
      {"revenue_fen", {"成交金额（分）", "revenue (fen)"}},
      {"payments_fen", {"回款（分）", "payments (fen)"}},
      {"refunds_fen", {"退款（分）", "refunds (fen)"}}};
  auto it = kLabels.find(name);
  if (it == kLabels.end()) return {std::string(name), std::string(name)};
  return it->second;
}

bool KpiPolicy::worthy(crm::CustomerStatus s) const {
  return std::find(follow_up_worthy.begin(), follow_up_worthy.end(), s) != follow_up_worthy.end();
}

namespace {
// The results of calls that leave a customer in one of `statuses`.
std::vector<std::string> results_setting(const std::vector<crm::CustomerStatus>& statuses) {
  std::vector<std::string> out;
  for (auto r : {calls::CallResult::kNoAnswer, calls::CallResult::kBusy, calls::CallResult::kInvalidNumber,
                 calls::CallResult::kRefused, calls::CallResult::kConnected, calls::CallResult::kCallbackRequested,
                 calls::CallResult::kInterested, calls::CallResult::kDeal, calls::CallResult::kFailed}) {
    auto s = calls::status_after_call(r);
    if (s && std::find(statuses.begin(), statuses.end(), *s) != statuses.end())
      out.emplace_back(calls::call_result_name(r));
  }
  return out;
}
}  // namespace

std::vector<std::string> worthy_call_results(const KpiPolicy& p) { return results_setting(p.follow_up_worthy); }

const std::vector<std::string>& interested_call_results() {
  static const std::vector<std::string> results = results_setting({crm::CustomerStatus::kInterested});
  return results;
}

long long talk_minutes(const KpiPolicy& p, long long talk_seconds, long long per_call_minutes) {
  switch (p.talk_minutes) {
    case TalkRounding::kPerCallUp:
      return per_call_minutes;
    case TalkRounding::kSumRoundUp:
      return (talk_seconds + 59) / 60;
    case TalkRounding::kSumRoundDown:
      return talk_seconds / 60;
  }
  return 0;
}

bool fax_counts(const calls::RecordFacts& record, bool called_before) {
  using F = calls::RecordField;
  return called_before && record.has(F::kContact) && record.has(F::kTitle) && record.has(F::kCompany) &&
         record.has(F::kPhone) && record.has(F::kFax);
}

std::map<std::string, long long> agent_day(const DayFacts& day, const calls::EffectiveCallPolicy& effective,
                                           const KpiPolicy& kpi) {
  std::map<std::string, long long> m;
  for (auto name : kMetricNames) m[std::string(name)] = 0;
  long long per_call_minutes = 0;
  for (const DayCall& c : day.calls) {
    ++m["dials"];
    if (calls::was_answered(c.call.result)) ++m["connects"];
    if (calls::effective_call(c.call, effective, c.record ? &*c.record : nullptr)) ++m["effective_calls"];
    m["talk_seconds"] += c.call.talk_seconds;
    per_call_minutes += started_minutes(c.call.talk_seconds);
  }
  m["talk_minutes"] = talk_minutes(kpi, m["talk_seconds"], per_call_minutes);
  for (const DayFax& f : day.faxes)
    if (fax_counts(f.record, f.called_before)) ++m["faxes"];
  m["follow_ups"] = day.complete_follow_ups;
  for (auto s : day.statuses_set) {
    if (kpi.worthy(s)) ++m["follow_up_worthy"];
    if (s == crm::CustomerStatus::kInterested) ++m["interested_customers"];
  }
  for (const auto& g : day.new_customer_grades) {
    ++m["new_customers"];
    if (g.size() == 1 && g[0] >= 'A' && g[0] <= 'D')
      ++m["new_customers_" + std::string(1, static_cast<char>(g[0] - 'A' + 'a'))];
  }
  m["deals"] = static_cast<long long>(day.deals_fen.size());
  for (long long v : day.deals_fen) m["revenue_fen"] += v;
  for (long long v : day.payments_fen) m["payments_fen"] += v;
  for (long long v : day.refunds_fen) m["refunds_fen"] += v;
  return m;
}

}  // namespace waihu::kpi
