#include "calls/follow_up.hpp"

#include <gtest/gtest.h>

namespace waihu::calls {

TEST(FollowUp, CountsOnlyWithContactCompanyPhoneAndContent) {
  crm::Customer c;
  c.company = "北京华信科技有限公司";
  c.contact_name = "王";  // the surname is enough
  c.phones = {{"+8613812345678", crm::PhoneKind::kMobile, "", ""}};
  EXPECT_TRUE(missing_for_complete(c, "介绍了产品，约下周拜访").empty());
  EXPECT_EQ(missing_for_complete(c, "  "), (std::vector<std::string>{"content"}));
  crm::Customer bare;
  bare.company = "甲公司";
  EXPECT_EQ(missing_for_complete(bare, "x"), (std::vector<std::string>{"contact_name", "phones"}));
}

TEST(FollowUp, Channels) {
  EXPECT_EQ(parse_channel("wechat"), Channel::kWechat);
  EXPECT_EQ(channel_name(Channel::kVisit), "visit");
  EXPECT_FALSE(parse_channel("pigeon"));
}

}  // namespace waihu::calls
