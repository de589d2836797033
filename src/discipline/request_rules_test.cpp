#include "discipline/request_rules.hpp"

#include <gtest/gtest.h>

namespace waihu::discipline {

namespace {
calendar::LocalDate d(const char* s) { return *calendar::LocalDate::parse(s); }
// Seed 004: a day ahead, approved before it starts, sick leave with a certificate.
LeavePolicy seed_004() {
  LeavePolicy p;
  p.kinds = {"personal", "sick"};
  p.notice_days = 1;
  p.certificate_kinds = {"sick"};
  return p;
}
LeaveFacts leave(const char* kind, const char* requested, std::optional<long long> approved, bool certificate = false) {
  LeaveFacts f;
  f.kind = kind;
  f.from = d("2026-11-10");
  f.to = d("2026-11-11");
  f.requested_on = d(requested);
  f.approved_at = approved;
  f.first_day_starts_at = 1'000'000;
  f.has_certificate = certificate;
  return f;
}
}  // namespace

TEST(Leave, ADayAheadApprovedBeforeItStartsIsExcused) {
  EXPECT_EQ(judge_leave(seed_004(), leave("personal", "2026-11-09", 999'999)), LeaveVerdict::kExcused);
  EXPECT_EQ(judge_leave(seed_004(), leave("personal", "2026-11-01", 999'999)), LeaveVerdict::kExcused);
}

TEST(Leave, TheSameDayOrApprovedLateOrUnapprovedIsAbsence) {
  EXPECT_EQ(judge_leave(seed_004(), leave("personal", "2026-11-10", 999'999)), LeaveVerdict::kShortNotice);
  EXPECT_EQ(judge_leave(seed_004(), leave("personal", "2026-11-09", 1'000'000)), LeaveVerdict::kApprovedLate);
  EXPECT_EQ(judge_leave(seed_004(), leave("personal", "2026-11-09", std::nullopt)), LeaveVerdict::kNotApproved);
  LeavePolicy lenient = seed_004();
  lenient.approval_before_start = false;
  EXPECT_EQ(judge_leave(lenient, leave("personal", "2026-11-09", 1'000'000)), LeaveVerdict::kExcused);
}

TEST(Leave, SickLeaveNeedsItsCertificate) {
  EXPECT_EQ(judge_leave(seed_004(), leave("sick", "2026-11-09", 999'999)), LeaveVerdict::kNoCertificate);
  EXPECT_EQ(judge_leave(seed_004(), leave("sick", "2026-11-09", 999'999, true)), LeaveVerdict::kExcused);
}

TEST(Resignation, FifteenDaysNoticeAndTheFirstMonth) {
  ResignationPolicy p;
  p.notice_days = 15;
  p.first_month_days = 30;
  const auto hired = d("2026-01-05");
  EXPECT_EQ(judge_resignation(p, d("2026-06-01"), d("2026-06-16"), hired), ResignationOutcome::kInOrder);
  EXPECT_EQ(judge_resignation(p, d("2026-06-01"), d("2026-06-15"), hired), ResignationOutcome::kShortNotice);
  EXPECT_EQ(judge_resignation(p, d("2026-01-10"), d("2026-02-03"), hired), ResignationOutcome::kFirstMonth);
  EXPECT_EQ(judge_resignation(p, d("2026-01-10"), d("2026-02-04"), hired), ResignationOutcome::kInOrder);
  EXPECT_EQ(judge_resignation(p, d("2026-06-01"), d("2026-06-16"), std::nullopt), ResignationOutcome::kInOrder);
  EXPECT_TRUE(withholds_final_pay(p, ResignationOutcome::kShortNotice));
  EXPECT_TRUE(withholds_final_pay(p, ResignationOutcome::kFirstMonth));
  EXPECT_FALSE(withholds_final_pay(p, ResignationOutcome::kInOrder));
}

}  // namespace waihu::discipline
