#include "org/service.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "db/testing.hpp"

namespace waihu::org {

namespace {
struct Fixture {
  db::TempDatabase db;
  util::FixedClock clock{1795000000};
  calendar::CompanyTime time{clock};
  OrgService org{*db, time};
  AuthService auth{*db, clock, org, 3600};
  Team root = org.create_team(nullptr, "公司", std::nullopt);
  Team group = org.create_team(nullptr, "一组", root.id);
  User agent = org.create_user(nullptr, {"agent01", "王伟", Role::kAgent, group.id, "secret123", "8001"});
};
}  // namespace

TEST(OrgService, UsersAndTeamsAreValidatedAndUnique) {
  Fixture f;
  EXPECT_THROW(f.org.create_team(nullptr, "一组", f.root.id), Conflict);
  EXPECT_THROW(f.org.create_user(nullptr, {"agent01", "", Role::kAgent, f.group.id, "secret123"}), Conflict);
  EXPECT_THROW(f.org.create_user(nullptr, {"agent02", "", Role::kAgent, f.group.id, "secret123", "8001"}), Conflict);
  EXPECT_THROW(f.org.create_user(nullptr, {"agent02", "", Role::kAgent, 999, "secret123"}), NotFound);
  EXPECT_THROW(f.org.create_user(nullptr, {"agent02", "", Role::kAgent, f.group.id, "short"}), BadRequest);
  EXPECT_THROW(f.org.rename_team(nullptr, f.root.id, std::nullopt, std::optional<long long>(f.group.id)),
               RuleViolation);
  EXPECT_EQ(f.agent.hired_on, "2026-11-18");  // defaults to today in China
}

TEST(OrgService, ALeaverHasALastDayAndAReasonAndNobodyElseDoes) {
  Fixture f;  // today is 2026-11-18; the agent was hired today
  UserPatch left;
  left.employment_status = EmploymentStatus::kLeft;
  EXPECT_THROW(f.org.update_user(nullptr, f.agent.id, left), BadRequest);  // how they left is not guessed
  left.left_reason = "quit";
  EXPECT_THROW(f.org.update_user(nullptr, f.agent.id, left), BadRequest);
  left.left_reason = "resigned";
  left.left_on = "2026-11-19";  // after today
  EXPECT_THROW(f.org.update_user(nullptr, f.agent.id, left), BadRequest);
  left.left_on = "2026-11-17";  // before they were hired
  EXPECT_THROW(f.org.update_user(nullptr, f.agent.id, left), BadRequest);
  left.left_on.reset();
  const User gone = f.org.update_user(nullptr, f.agent.id, left);
  EXPECT_EQ(gone.left_on, "2026-11-18");  // the last day defaults to today
  EXPECT_EQ(gone.left_reason, "resigned");
  UserPatch rename;  // a leaver's other fields change without restating how they left
  rename.display_name = "王伟（已离职）";
  EXPECT_EQ(f.org.update_user(nullptr, f.agent.id, rename).left_on, "2026-11-18");
  UserPatch back;  // taken back: no last day any more, and none may be given
  back.employment_status = EmploymentStatus::kRegular;
  back.left_on = "2026-11-18";
  EXPECT_THROW(f.org.update_user(nullptr, f.agent.id, back), BadRequest);
  back.left_on.reset();
  const User again = f.org.update_user(nullptr, f.agent.id, back);
  EXPECT_FALSE(again.left_on);
  EXPECT_FALSE(again.left_reason);
}

TEST(OrgService, OnlyAdminsManageTheOrganisation) {
  Fixture f;
  Actor agent = f.org.actor_for(f.agent);
  EXPECT_THROW(f.org.create_team(&agent, "二组", f.root.id), Forbidden);
  EXPECT_THROW(f.org.create_user(&agent, {"x123", "", Role::kAdmin, f.root.id, "secret123"}), Forbidden);
}

TEST(Auth, LoginAuthenticateLogout) {
  Fixture f;
  auto r = f.auth.login("agent01", "secret123", "127.0.0.1");
  Actor a = f.auth.authenticate(r.token);
  EXPECT_EQ(a.user_id, f.agent.id);
  EXPECT_EQ(a.scope_team_ids, (std::vector<long long>{f.group.id}));
  f.auth.logout(r.token);
  EXPECT_THROW(f.auth.authenticate(r.token), Unauthorized);
  EXPECT_THROW(f.auth.login("agent01", "wrong-password", "127.0.0.1"), Unauthorized);
  EXPECT_THROW(f.auth.login("nobody", "secret123", "127.0.0.1"), Unauthorized);
}

TEST(Auth, TokensExpire) {
  Fixture f;
  auto r = f.auth.login("agent01", "secret123", "127.0.0.1");
  f.clock.advance(3601);
  EXPECT_THROW(f.auth.authenticate(r.token), Unauthorized);
}

TEST(Auth, FailedLoginsLockTheAccountThenTimeOut) {
  Fixture f;
  for (int i = 0; i < 5; ++i) EXPECT_THROW(f.auth.login("agent01", "bad-password", "10.0.0.1"), Unauthorized);
  try {
    f.auth.login("agent01", "secret123", "10.0.0.2");  // right password, but the account is locked
    FAIL();
  } catch (const TooManyRequests& e) {
    EXPECT_EQ(e.retry_after(), 900);
  }
  f.clock.advance(901);
  EXPECT_NO_THROW(f.auth.login("agent01", "secret123", "10.0.0.2"));
}

TEST(Auth, DisablingRevokesSessions) {
  Fixture f;
  auto r = f.auth.login("agent01", "secret123", "127.0.0.1");
  UserPatch p;
  p.disabled = true;
  f.org.update_user(nullptr, f.agent.id, p);
  EXPECT_THROW(f.auth.authenticate(r.token), Unauthorized);
  EXPECT_THROW(f.auth.login("agent01", "secret123", "127.0.0.1"), Unauthorized);
}

}  // namespace waihu::org
