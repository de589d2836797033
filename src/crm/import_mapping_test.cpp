#include "crm/import_mapping.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace waihu::crm {

TEST(ImportMapping, ChineseAndEnglishHeaders) {
  auto m = map_columns({"单位名称", "联系人", "职务", "手机", "联系电话", "传真", "行业", "地区", "规模", "人数",
                        "来源", "备注", "Company Name", "Phone", "微信号"},
                       "");
  EXPECT_EQ(m.columns[0], ImportField::kCompany);
  EXPECT_EQ(m.columns[1], ImportField::kContactName);
  EXPECT_EQ(m.columns[2], ImportField::kTitle);
  EXPECT_EQ(m.columns[3], ImportField::kPhones);
  EXPECT_EQ(m.columns[4], ImportField::kPhones);
  EXPECT_EQ(m.columns[5], ImportField::kFax);
  EXPECT_EQ(m.columns[9], ImportField::kHeadcount);
  EXPECT_EQ(m.columns[11], ImportField::kNotes);
  EXPECT_EQ(m.columns[12], ImportField::kCompany);
  EXPECT_EQ(m.columns[13], ImportField::kPhones);
  EXPECT_FALSE(m.columns[14]);
  EXPECT_EQ(m.unknown_headers, (std::vector<std::string>{"微信号"}));
}

TEST(ImportMapping, HeadersWithMarksAndSpaces) {
  auto m = map_columns({" *公司名称：", "电 话", "PHONE NUMBER"}, "");
  EXPECT_EQ(m.columns[0], ImportField::kCompany);
  EXPECT_EQ(m.columns[1], ImportField::kPhones);
  EXPECT_EQ(m.columns[2], ImportField::kPhones);
}

TEST(ImportMapping, OverridesByHeaderOrNumber) {
  auto m = map_columns({"客户", "号码", "微信号"}, "客户=company, 2=phones,微信号=ignore");
  EXPECT_EQ(m.columns[0], ImportField::kCompany);
  EXPECT_EQ(m.columns[1], ImportField::kPhones);
  EXPECT_EQ(m.columns[2], ImportField::kIgnore);
  EXPECT_TRUE(m.unknown_headers.empty());
}

TEST(ImportMapping, ErrorsNameWhatIsWrong) {
  EXPECT_THROW(map_columns({"公司", "备注"}, ""), std::invalid_argument);  // no phone column
  EXPECT_THROW(map_columns({"公司", "电话"}, "公司=nonsense"), std::invalid_argument);
  EXPECT_THROW(map_columns({"公司", "电话"}, "不存在=company"), std::invalid_argument);
  try {
    map_columns({"公司", "电话"}, "9=company");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("9"), std::string::npos);
  }
}

}  // namespace waihu::crm
