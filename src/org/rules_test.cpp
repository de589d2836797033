#include "org/rules.hpp"

#include <gtest/gtest.h>

#include "org/credentials.hpp"

namespace waihu::org {

TEST(OrgRules, TeamSubtreeAndCycles) {
  std::vector<Team> teams{
      {1, "公司", std::nullopt, 0}, {2, "电销部", 1, 0}, {3, "一组", 2, 0}, {4, "二组", 2, 0}, {5, "行政", 1, 0}};
  auto sub = team_subtree(teams, 2);
  std::sort(sub.begin(), sub.end());
  EXPECT_EQ(sub, (std::vector<long long>{2, 3, 4}));
  EXPECT_EQ(team_subtree(teams, 3), (std::vector<long long>{3}));
  EXPECT_TRUE(would_cycle(teams, 2, 3));
  EXPECT_FALSE(would_cycle(teams, 3, 5));
}

TEST(OrgRules, RightsByRole) {
  EXPECT_TRUE(has_right(Role::kAgent, Right::kSeePhone));
  EXPECT_FALSE(has_right(Role::kQa, Right::kSeePhone));
  EXPECT_FALSE(has_right(Role::kAgent, Right::kExportCustomers));
  EXPECT_TRUE(has_right(Role::kAssistant, Right::kBulkImport));
  EXPECT_FALSE(has_right(Role::kSupervisor, Right::kManageOrg));
  EXPECT_EQ(data_scope(Role::kAgent), Scope::kOwn);
  EXPECT_EQ(data_scope(Role::kManager), Scope::kTeamSubtree);
  EXPECT_EQ(data_scope(Role::kAdmin), Scope::kAll);
}

TEST(OrgRules, LoginThrottleLocksAfterTooManyFailuresAndForgetsOldOnes) {
  ThrottlePolicy p{3, 600, 900};
  std::optional<LoginThrottle> t;
  for (int i = 0; i < 2; ++i) t = after_failed_login(t, 1000 + i, p);
  EXPECT_EQ(seconds_locked(t, 1002), 0);
  t = after_failed_login(t, 1002, p);
  EXPECT_EQ(seconds_locked(t, 1002), 900);
  EXPECT_EQ(seconds_locked(t, 1902), 0);
  // Failures spread wider than the window never lock.
  std::optional<LoginThrottle> slow;
  for (int i = 0; i < 10; ++i) slow = after_failed_login(slow, 1000 + i * 700, p);
  EXPECT_EQ(seconds_locked(slow, 1000 + 9 * 700), 0);
}

TEST(OrgRules, ARightPasswordGivesItsCountedAttemptBack) {
  ThrottlePolicy p{3, 600, 900};
  std::optional<LoginThrottle> t;
  for (int i = 0; i < 3; ++i) t = after_failed_login(t, 1000, p);  // the third attempt, counted in advance, locks
  ASSERT_GT(seconds_locked(t, 1000), 0);
  LoginThrottle back = attempt_returned(*t, p);  // ...and was right
  EXPECT_EQ(back.failures, 2);
  EXPECT_EQ(seconds_locked(back, 1000), 0);
  LoginThrottle none{0, 1000, 0};
  EXPECT_EQ(attempt_returned(none, p).failures, 0);
}

TEST(OrgRules, UsernamesAndPasswords) {
  EXPECT_TRUE(is_valid_username("agent01"));
  EXPECT_FALSE(is_valid_username("Agent01"));
  EXPECT_FALSE(is_valid_username("ab"));
  EXPECT_FALSE(is_valid_username("张三"));
  EXPECT_FALSE(password_problem("short").empty());
  EXPECT_TRUE(password_problem("long enough").empty());
}

TEST(OrgRules, PasswordLengthCountsCharactersNotBytes) {
  EXPECT_FALSE(password_problem("密码安全很重要").empty());  // 7 characters, 21 bytes
  EXPECT_TRUE(password_problem("密码安全真的很重要").empty());
  EXPECT_TRUE(password_problem(std::string(128, 'x').substr(0, 120) + "长长长长长长长长").empty());  // 128 chars
  EXPECT_FALSE(password_problem(std::string(129, 'y')).empty());
}

TEST(OrgRules, BlankAndCommonPasswordsAreRefused) {
  EXPECT_FALSE(password_problem("          ").empty());
  EXPECT_FALSE(password_problem(
                   "\xE3\x80\x80\xE3\x80\x80\xE3\x80\x80\xE3\x80\x80\xE3\x80\x80\xE3\x80\x80\xE3\x80\x80\xE3\x80\x80")
                   .empty());
  EXPECT_FALSE(password_problem("12345678").empty());
  EXPECT_FALSE(password_problem("Password1").empty());  // case-blind
  EXPECT_FALSE(password_problem("woaini1314").empty());
  EXPECT_TRUE(password_problem("floor-pass-7").empty());
}

TEST(Credentials, HashVerifyAndTokens) {
  std::string h = hash_password("demo1234");
  EXPECT_TRUE(h.starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password(h, "demo1234"));
  EXPECT_FALSE(verify_password(h, "demo12345"));
  std::string a = new_session_token(), b = new_session_token();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(token_digest(a), token_digest(a));
  EXPECT_NE(token_digest(a), a);
}

TEST(UsernameIn, ReadsTheLoginOutOfAnExportedPersonCell) {
  EXPECT_EQ(username_in("agent01"), "agent01");
  EXPECT_EQ(username_in("张伟 (agent01)"), "agent01");
  EXPECT_EQ(username_in("张伟（agent01）"), "agent01");
  EXPECT_EQ(username_in("张伟 (销售)"), "张伟 (销售)");  // not a login: the cell as it is
  EXPECT_EQ(username_in("agent01)"), "agent01)");
}

}  // namespace waihu::org
