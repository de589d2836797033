#include "crm/phone.hpp"

#include <gtest/gtest.h>

#include <random>

namespace waihu::crm {

namespace {
const PhoneNormalizer& normalizer() {
  static PhoneNormalizer n;
  return n;
}
}  // namespace

TEST(Phone, UnderstandsTheFormsOfficesWrite) {
  for (const char* raw : {"138 1234 5678", "13812345678", "+86 138-1234-5678", "8613812345678", "008613812345678",
                          "(138)1234-5678", "１３８１２３４５６７８"}) {
    auto r = normalizer().normalize(raw);
    ASSERT_TRUE(r.phone) << raw << ": " << r.error;
    EXPECT_EQ(r.phone->e164, "+8613812345678") << raw;
    EXPECT_EQ(r.phone->kind, PhoneKind::kMobile);
    EXPECT_EQ(r.phone->province, "江苏省");
    EXPECT_EQ(r.phone->city, "连云港市");
  }
  auto b = normalizer().normalize("+86 139-0000-1111");
  ASSERT_TRUE(b.phone);
  EXPECT_EQ(b.phone->e164, "+8613900001111");
}

TEST(Phone, FixedLinesWithAreaCode) {
  auto r = normalizer().normalize("010-62345678");
  ASSERT_TRUE(r.phone) << r.error;
  EXPECT_EQ(r.phone->e164, "+861062345678");
  EXPECT_EQ(r.phone->kind, PhoneKind::kFixed);
  EXPECT_EQ(r.phone->province, "北京市");
  auto sz = normalizer().normalize("0755 8888 6666");
  ASSERT_TRUE(sz.phone);
  EXPECT_EQ(sz.phone->province, "广东省");
  EXPECT_EQ(sz.phone->city, "深圳市");
}

TEST(Phone, InvalidNumbersAreRejectedWithAReason) {
  for (const char* raw : {"12345", "1381234567", "138123456789", "14012345678", "abc", "", "138****5678"}) {
    auto r = normalizer().normalize(raw);
    EXPECT_FALSE(r.phone) << raw;
    EXPECT_FALSE(r.error.empty()) << raw;
  }
  EXPECT_NE(normalizer().normalize("138123456789").error.find("11 digits, not 12"), std::string::npos);
  EXPECT_NE(normalizer().normalize("1381234567").error.find("11 digits, not 10"), std::string::npos);
  EXPECT_NE(normalizer().normalize("14012345678").error.find("no such number range"), std::string::npos);
}

TEST(Phone, SplitsCellsHoldingSeveralNumbers) {
  EXPECT_EQ(split_phone_list("13812345678/13900001111"), (std::vector<std::string>{"13812345678", "13900001111"}));
  EXPECT_EQ(split_phone_list("13812345678，010-62345678；"), (std::vector<std::string>{"13812345678", "010-62345678"}));
  EXPECT_TRUE(split_phone_list("  ").empty());
}

TEST(Phone, SplitsProvinceAndCity) {
  EXPECT_EQ(split_province_city("江苏省连云港市"), (std::pair<std::string, std::string>{"江苏省", "连云港市"}));
  EXPECT_EQ(split_province_city("北京市"), (std::pair<std::string, std::string>{"北京市", "北京市"}));
  EXPECT_EQ(split_province_city("新疆乌鲁木齐市"), (std::pair<std::string, std::string>{"新疆", "乌鲁木齐市"}));
  EXPECT_EQ(split_province_city("中国"), (std::pair<std::string, std::string>{"", ""}));
}

// The fast path answers for a whole 号段 (first 7 digits) from one library call. Prove, for every mobile
// 号段 130 0000 … 199 9999, that a second number of the 号段 gets exactly the library's own answer.
TEST(Phone, FastPathAgreesWithTheLibraryForEveryMobilePrefix) {
  PhoneNormalizer fast;
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> suffix(0, 9999);
  long long checked = 0;
  for (int prefix = 1300000; prefix <= 1999999; ++prefix) {
    char first[16], second[16];
    std::snprintf(first, sizeof first, "%d%04d", prefix, suffix(rng));
    std::snprintf(second, sizeof second, "%d%04d", prefix, suffix(rng));
    fast.normalize(first);  // fills the cache for this 号段
    auto got = fast.normalize(second);
    auto want = fast.normalize_with_library(second);
    ASSERT_EQ(got.phone.has_value(), want.phone.has_value()) << second;
    if (want.phone) {
      ASSERT_EQ(got.phone->e164, want.phone->e164) << second;
      ASSERT_EQ(got.phone->kind, want.phone->kind) << second;
      ASSERT_EQ(got.phone->province, want.phone->province) << second;
      ASSERT_EQ(got.phone->city, want.phone->city) << second;
    }
    ++checked;
  }
  EXPECT_EQ(checked, 700000);
}

}  // namespace waihu::crm
