#include "calls/rules.hpp"

#include <gtest/gtest.h>

namespace waihu::calls {

namespace {
Call with(CallResult r, long long talk) {
  Call c;
  c.result = r;
  c.talk_seconds = talk;
  return c;
}
}  // namespace

TEST(EffectiveCall, AnsweredWithEnoughTalk) {
  EffectiveCallPolicy p;  // preset: 30 s
  EXPECT_TRUE(effective_call(with(CallResult::kConnected, 30), p));
  EXPECT_FALSE(effective_call(with(CallResult::kConnected, 29), p));
  EXPECT_TRUE(effective_call(with(CallResult::kInterested, 200), p));
  EXPECT_FALSE(effective_call(with(CallResult::kNoAnswer, 0), p));
  EXPECT_FALSE(effective_call(with(CallResult::kBusy, 45), p));  // a busy line never counts
  EXPECT_TRUE(effective_call(with(CallResult::kConnected, 10), EffectiveCallPolicy{.min_talk_seconds = 10}));
}

TEST(EffectiveCall, EachFormAtItsBoundary) {
  using F = RecordField;
  const std::vector<RecordField> seed004{F::kCompany, F::kContact, F::kTitle, F::kPhone, F::kHeadcount, F::kItStatus};
  RecordFacts full{seed004}, no_it{{F::kCompany, F::kContact, F::kTitle, F::kPhone, F::kHeadcount}};
  auto policy = [&](EffectiveForm form) { return EffectiveCallPolicy{form, 30, seed004}; };
  const Call short_call = with(CallResult::kConnected, 29), long_call = with(CallResult::kConnected, 30);
  EXPECT_TRUE(effective_call(short_call, policy(EffectiveForm::kRecord), &full));
  EXPECT_FALSE(effective_call(long_call, policy(EffectiveForm::kRecord), &no_it));
  EXPECT_FALSE(effective_call(long_call, policy(EffectiveForm::kRecord), nullptr));  // a number with no customer
  EXPECT_FALSE(effective_call(with(CallResult::kNoAnswer, 0), policy(EffectiveForm::kRecord), &full));
  EXPECT_TRUE(effective_call(short_call, policy(EffectiveForm::kTalkOrRecord), &full));
  EXPECT_TRUE(effective_call(long_call, policy(EffectiveForm::kTalkOrRecord), &no_it));
  EXPECT_FALSE(effective_call(short_call, policy(EffectiveForm::kTalkOrRecord), &no_it));
  EXPECT_TRUE(effective_call(long_call, policy(EffectiveForm::kTalkAndRecord), &full));
  EXPECT_FALSE(effective_call(short_call, policy(EffectiveForm::kTalkAndRecord), &full));
  EXPECT_FALSE(effective_call(long_call, policy(EffectiveForm::kTalkAndRecord), &no_it));
}

TEST(EffectiveCall, ARecordsFieldsCountWhenFilled) {
  crm::Customer c;
  c.company = "某某科技";
  c.contact_name = "张";
  c.title = "  ";
  c.headcount = 0;
  c.phones.push_back({});
  RecordFacts r = record_facts(c);
  EXPECT_TRUE(r.has(RecordField::kCompany));
  EXPECT_TRUE(r.has(RecordField::kContact));  // a surname is enough
  EXPECT_TRUE(r.has(RecordField::kPhone));
  EXPECT_FALSE(r.has(RecordField::kTitle));      // blanks are not a title
  EXPECT_FALSE(r.has(RecordField::kHeadcount));  // nor is a headcount of 0
  EXPECT_FALSE(r.has(RecordField::kItStatus));
}

TEST(StatusAfterCall, ResultsMoveTheCustomer) {
  using S = crm::CustomerStatus;
  EXPECT_EQ(status_after_call(CallResult::kConnected), S::kContacted);
  EXPECT_EQ(status_after_call(CallResult::kInterested), S::kInterested);
  EXPECT_EQ(status_after_call(CallResult::kCallbackRequested), S::kFollowing);
  EXPECT_EQ(status_after_call(CallResult::kDeal), S::kWon);
  EXPECT_EQ(status_after_call(CallResult::kInvalidNumber), S::kInvalid);
  EXPECT_FALSE(status_after_call(CallResult::kNoAnswer));
  EXPECT_FALSE(status_after_call(CallResult::kBusy));
}

TEST(CallTimes, CompletedFromSecondsOrFromInstants) {
  Call c;
  c.result = CallResult::kConnected;
  ASSERT_FALSE(apply_call_times({1000, std::nullopt, std::nullopt, 12, 95}, c));
  EXPECT_EQ(c.answered_at, 1012);
  EXPECT_EQ(c.ended_at, 1107);
  EXPECT_EQ(c.talk_seconds, 95);
  ASSERT_FALSE(apply_call_times({1000, 1010, 1100, std::nullopt, std::nullopt}, c));
  EXPECT_EQ(c.ring_seconds, 10);
  EXPECT_EQ(c.talk_seconds, 90);
  Call missed;
  missed.result = CallResult::kNoAnswer;
  ASSERT_FALSE(apply_call_times({1000, std::nullopt, std::nullopt, 25, std::nullopt}, missed));
  EXPECT_FALSE(missed.answered_at);
  EXPECT_EQ(missed.ring_seconds, 25);
  EXPECT_EQ(missed.talk_seconds, 0);
}

TEST(CallTimes, InconsistentTimesNameTheField) {
  Call c;
  c.result = CallResult::kConnected;
  EXPECT_EQ(apply_call_times({1000, 990, std::nullopt, std::nullopt, std::nullopt}, c)->field, "answered_at");
  EXPECT_EQ(apply_call_times({1000, 1010, 1005, std::nullopt, std::nullopt}, c)->field, "ended_at");
  EXPECT_EQ(apply_call_times({1000, 1010, 1100, std::nullopt, 30}, c)->field, "talk_seconds");
  EXPECT_EQ(apply_call_times({1000, std::nullopt, std::nullopt, -1, std::nullopt}, c)->field, "ring_seconds");
  EXPECT_EQ(apply_call_times({1000, std::nullopt, std::nullopt, std::nullopt, 50000}, c)->field, "talk_seconds");
  Call missed;
  missed.result = CallResult::kBusy;
  EXPECT_EQ(apply_call_times({1000, std::nullopt, std::nullopt, std::nullopt, 40}, missed)->field, "result");
}

TEST(CallTimes, CallsCannotStartBefore2000NorStartOrEndInTheFuture) {
  const long long now = 1'796'000'000;  // late 2026
  Call c;
  c.result = CallResult::kConnected;
  ASSERT_FALSE(apply_call_times({now - 100, std::nullopt, std::nullopt, 10, 60}, c));
  EXPECT_FALSE(call_time_problem(c, now));
  ASSERT_FALSE(apply_call_times({now + kClockSkewSeconds, std::nullopt, std::nullopt, 0, 0}, c));
  EXPECT_FALSE(call_time_problem(c, now)) << "a clock a little ahead is allowed";
  ASSERT_FALSE(apply_call_times({now + kClockSkewSeconds + 1, std::nullopt, std::nullopt, 0, 0}, c));
  EXPECT_EQ(call_time_problem(c, now)->field, "started_at");
  ASSERT_FALSE(apply_call_times({now, std::nullopt, std::nullopt, 10, 3600}, c));
  EXPECT_EQ(call_time_problem(c, now)->field, "ended_at");
  ASSERT_FALSE(apply_call_times({kEarliestCall - 1, std::nullopt, std::nullopt, 0, 0}, c));
  EXPECT_EQ(call_time_problem(c, now)->field, "started_at");
  ASSERT_FALSE(apply_call_times({4'070'908'800, std::nullopt, std::nullopt, 0, 0}, c));  // 2099
  EXPECT_EQ(call_time_problem(c, now)->field, "started_at");
}

}  // namespace waihu::calls
