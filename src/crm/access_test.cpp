#include "crm/access.hpp"

#include <gtest/gtest.h>

namespace waihu::crm {

namespace {
org::Actor actor(org::Role role, long long id, std::vector<long long> teams) {
  return {id, "u", role, teams.empty() ? 1 : teams[0], teams};
}
Customer owned_by(std::optional<long long> owner) {
  Customer c;
  c.owner_id = owner;
  c.phones = {{"+8613812345678", PhoneKind::kMobile, "", ""}};
  return c;
}
}  // namespace

TEST(Access, AgentOwnsOwnReadsPoolSeesNothingElse) {
  auto agent = actor(org::Role::kAgent, 7, {3});
  EXPECT_EQ(customer_access(agent, owned_by(7), 3), Access::kWrite);
  EXPECT_EQ(customer_access(agent, owned_by(std::nullopt), std::nullopt), Access::kRead);
  EXPECT_EQ(customer_access(agent, owned_by(8), 3), Access::kNone);  // same team, another agent
  EXPECT_EQ(customer_access(agent, owned_by(9), 4), Access::kNone);
}

TEST(Access, SupervisorSeesTheTeamSubtreeOnly) {
  auto sup = actor(org::Role::kSupervisor, 2, {3, 5});
  EXPECT_EQ(customer_access(sup, owned_by(7), 5), Access::kWrite);
  EXPECT_EQ(customer_access(sup, owned_by(9), 4), Access::kNone);
  EXPECT_EQ(customer_access(sup, owned_by(std::nullopt), std::nullopt), Access::kWrite);
}

TEST(Access, QaReadsButNeverWritesAndAdminDoesAll) {
  EXPECT_EQ(customer_access(actor(org::Role::kQa, 4, {3}), owned_by(7), 3), Access::kRead);
  EXPECT_EQ(customer_access(actor(org::Role::kAdmin, 1, {}), owned_by(7), 99), Access::kWrite);
}

TEST(Access, PhonesMaskedForQaAndForPoolCustomersSeenByAgents) {
  EXPECT_TRUE(phones_visible(actor(org::Role::kAgent, 7, {3}), owned_by(7)));
  EXPECT_FALSE(phones_visible(actor(org::Role::kAgent, 7, {3}), owned_by(std::nullopt)));
  EXPECT_TRUE(phones_visible(actor(org::Role::kSupervisor, 2, {3}), owned_by(std::nullopt)));
  EXPECT_FALSE(phones_visible(actor(org::Role::kQa, 4, {3}), owned_by(7)));
  Customer c = owned_by(7);
  c.fax = "010-62345678";
  mask_phones(c);
  EXPECT_EQ(c.phones[0].e164, "138****5678");
  EXPECT_EQ(c.fax, "*******5678");
}

}  // namespace waihu::crm
