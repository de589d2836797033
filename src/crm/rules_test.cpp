#include "crm/rules.hpp"

#include <gtest/gtest.h>

#include "crm/customer_input.hpp"

namespace waihu::crm {

TEST(MaskPersonName, KeepsTheFirstCharacterOnly) {
  EXPECT_EQ(mask_person_name("张伟"), "张*");
  EXPECT_EQ(mask_person_name("欧阳娜娜"), "欧***");
  EXPECT_EQ(mask_person_name("Li Wei"), "L*****");
  EXPECT_EQ(mask_person_name(""), "");
}

TEST(CompanyName, SpellingsOfOneCompanyAgree) {
  std::string key = normalize_company("北京华信科技有限公司");
  EXPECT_EQ(key, "北京华信科技");
  EXPECT_EQ(normalize_company("北京华信科技（有限公司）"), key);
  EXPECT_EQ(normalize_company(" 北京 华信科技 股份有限公司 "), key);
  EXPECT_EQ(normalize_company("北京华信科技有限责任公司"), key);
  EXPECT_EQ(normalize_company("北京华信科技集团有限公司"), key);
  EXPECT_EQ(normalize_company("ＡＢＣ Technology Co., Ltd."), "abctechnology");
  EXPECT_EQ(normalize_company("ABC Technology Co.,Ltd"), "abctechnology");
}

TEST(CompanyName, BranchesStayDistinctAndEmptyStaysEmpty) {
  EXPECT_NE(normalize_company("华信科技北京分公司"), normalize_company("华信科技有限公司"));
  EXPECT_EQ(normalize_company(""), "");
  EXPECT_FALSE(normalize_company("有限公司").empty());  // never the empty key that would match everything
}

TEST(Masking, MobileFixedAndForeign) {
  EXPECT_EQ(mask_phone("+8613812345678"), "138****5678");
  EXPECT_EQ(mask_phone("+861062345678"), "010****5678");
  EXPECT_EQ(mask_phone("+864008001234"), "400****1234");
  EXPECT_EQ(mask_phone("+16502530000"), "165****0000");
  EXPECT_EQ(mask_phone("+8612345"), "****45");
}

TEST(Grade, AcceptsWhatSheetsHold) {
  EXPECT_EQ(parse_grade("a"), "A");
  EXPECT_EQ(parse_grade(" B "), "B");
  EXPECT_EQ(parse_grade("C类"), "C");
  EXPECT_EQ(parse_grade("Ｄ"), "D");
  EXPECT_EQ(parse_grade(""), "");
  EXPECT_FALSE(parse_grade("E"));
  EXPECT_FALSE(parse_grade("AB"));
}

TEST(Status, LifecycleMoves) {
  using S = CustomerStatus;
  EXPECT_TRUE(can_change_status(S::kNew, S::kContacted));
  EXPECT_TRUE(can_change_status(S::kNew, S::kFollowing));
  EXPECT_TRUE(can_change_status(S::kFollowing, S::kWon));
  EXPECT_TRUE(can_change_status(S::kInterested, S::kLost));
  EXPECT_TRUE(can_change_status(S::kLost, S::kFollowing));
  EXPECT_FALSE(can_change_status(S::kFollowing, S::kNew));
  EXPECT_FALSE(can_change_status(S::kWon, S::kLost));
  EXPECT_FALSE(can_change_status(S::kInvalid, S::kContacted));
  EXPECT_EQ(parse_status_text("意向"), S::kInterested);
  EXPECT_EQ(parse_status_text("跟进中"), S::kFollowing);
  EXPECT_EQ(parse_status_text("WON"), S::kWon);
  EXPECT_FALSE(parse_status_text("maybe"));
  for (int i = 0; i <= static_cast<int>(S::kInvalid); ++i) {
    EXPECT_EQ(parse_status_text(status_label_zh(static_cast<S>(i))), static_cast<S>(i));  // export reads back
    EXPECT_EQ(parse_status_text(status_label(static_cast<S>(i)).en), static_cast<S>(i));  // the English one too
  }
}

TEST(CustomerInput, NamesTheFieldAtFault) {
  PhoneNormalizer phones;
  Customer out;
  CustomerInput in;
  in.company = "北京华信科技有限公司";
  in.phones = std::vector<std::string>{"138 1234 5678"};
  EXPECT_FALSE(apply_customer_input(in, {}, phones, out));
  EXPECT_EQ(out.company_norm, "北京华信科技");
  EXPECT_EQ(out.phones.at(0).e164, "+8613812345678");

  in.phones = std::vector<std::string>{"12345"};
  auto e = apply_customer_input(in, {}, phones, out);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "phones");

  in.phones = std::vector<std::string>{"13812345678"};
  in.headcount = "-5";
  e = apply_customer_input(in, {}, phones, out);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "headcount");

  in.headcount = "120人";
  in.grade = "Z";
  e = apply_customer_input(in, {}, phones, out);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "grade");

  CustomerInput nameless;
  nameless.phones = std::vector<std::string>{"13812345678"};
  e = apply_customer_input(nameless, {}, phones, out);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "company");

  CustomerInput phoneless;
  phoneless.company = "甲公司";
  e = apply_customer_input(phoneless, {}, phones, out);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "phones");
}

TEST(CustomerInput, SearchTextHoldsNationalDigits) {
  Customer c;
  c.company = "ABC公司";
  c.contact_name = "王伟";
  c.phones = {{"+8613812345678", PhoneKind::kMobile, "", ""}, {"+861062345678", PhoneKind::kFixed, "", ""}};
  EXPECT_EQ(customer_search_text(c), "abc公司 王伟 13812345678 01062345678");
}

}  // namespace waihu::crm
