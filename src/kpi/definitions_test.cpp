#include "kpi/definitions.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace waihu::kpi {

namespace {
DayCall call(calls::CallResult r, long long talk) {
  DayCall c;
  c.call.result = r;
  c.call.talk_seconds = talk;
  return c;
}
}  // namespace

TEST(TalkMinutes, EachRoundingAtItsBoundary) {
  KpiPolicy p;
  // 59 s and 61 s: 120 s in all; per call 1 + 2 started minutes.
  p.talk_minutes = TalkRounding::kSumRoundDown;
  EXPECT_EQ(talk_minutes(p, 120, 3), 2);
  EXPECT_EQ(talk_minutes(p, 119, 3), 1);
  p.talk_minutes = TalkRounding::kSumRoundUp;
  EXPECT_EQ(talk_minutes(p, 120, 3), 2);
  EXPECT_EQ(talk_minutes(p, 121, 3), 3);
  p.talk_minutes = TalkRounding::kPerCallUp;
  EXPECT_EQ(talk_minutes(p, 120, 3), 3);
  EXPECT_EQ(started_minutes(0), 0);
  EXPECT_EQ(started_minutes(1), 1);
  EXPECT_EQ(started_minutes(60), 1);
  EXPECT_EQ(started_minutes(61), 2);
}

TEST(Faxes, CountOnlyWithAFullRecordAfterACall) {
  using F = calls::RecordField;
  calls::RecordFacts full{{F::kContact, F::kTitle, F::kCompany, F::kPhone, F::kFax}};
  EXPECT_TRUE(fax_counts(full, true));
  EXPECT_FALSE(fax_counts(full, false));
  for (F missing : {F::kContact, F::kTitle, F::kCompany, F::kPhone, F::kFax}) {
    calls::RecordFacts r;
    for (F f : full.filled)
      if (f != missing) r.filled.push_back(f);
    EXPECT_FALSE(fax_counts(r, true)) << calls::record_field_name(missing);
  }
}

TEST(AgentDay, EveryMetricHasAFigure) {
  DayFacts day;
  day.calls = {call(calls::CallResult::kConnected, 30), call(calls::CallResult::kRefused, 4),
               call(calls::CallResult::kNoAnswer, 0)};
  day.statuses_set = {crm::CustomerStatus::kInterested, crm::CustomerStatus::kContacted,
                      crm::CustomerStatus::kFollowing};
  day.new_customer_grades = {"A", "D", ""};
  day.refunds_fen = {500};
  auto m = agent_day(day, calls::EffectiveCallPolicy{}, KpiPolicy{});
  EXPECT_EQ(m.size(), kMetricNames.size());
  EXPECT_EQ(m["dials"], 3);
  EXPECT_EQ(m["connects"], 2);  // a refusal is an answered call
  EXPECT_EQ(m["effective_calls"], 1);
  EXPECT_EQ(m["talk_seconds"], 34);
  EXPECT_EQ(m["follow_up_worthy"], 2);      // 意向 and 可发展
  EXPECT_EQ(m["interested_customers"], 1);  // 意向 alone
  EXPECT_EQ(m["new_customers"], 3);
  EXPECT_EQ(m["new_customers_a"], 1);
  EXPECT_EQ(m["new_customers_d"], 1);
  EXPECT_EQ(m["refunds_fen"], 500);
  EXPECT_EQ(m["revenue_fen"], 0);
}

TEST(InterestedCustomers, AreTheCustomersACallMadeInterested) {
  EXPECT_EQ(interested_call_results(), std::vector<std::string>{"interested"});
  // The worthy results of the default policy include it, and the callback request (跟进中) besides.
  const auto worthy = worthy_call_results(KpiPolicy{});
  EXPECT_NE(std::find(worthy.begin(), worthy.end(), "interested"), worthy.end());
  EXPECT_NE(std::find(worthy.begin(), worthy.end(), "callback_requested"), worthy.end());
}

}  // namespace waihu::kpi
