#include "util/strings.hpp"

#include <gtest/gtest.h>

#include "util/clock.hpp"

namespace waihu::util {

TEST(Strings, TrimRemovesAsciiAndIdeographicSpace) {
  EXPECT_EQ(trim("  abc \t"), "abc");
  EXPECT_EQ(trim("\xE3\x80\x80公司\xE3\x80\x80"), "公司");
  EXPECT_EQ(trim("   "), "");
}

TEST(Strings, TrimTreatsInvisibleCharactersAsBlank) {
  EXPECT_EQ(trim("\xE2\x80\x8B\xE2\x80\x8D \xEF\xBB\xBF\xE2\x81\xA0"), "");
  EXPECT_EQ(trim("\xE2\x80\x8B王伟\xE2\x80\x8C"), "王伟");
  EXPECT_EQ(trim("王\xE2\x80\x8B伟"), "王\xE2\x80\x8B伟");  // inside a value it is the value's business
}

TEST(Strings, CleanTextStripsNulAndBidiControls) {
  EXPECT_EQ(clean_text(std::string("a\0b", 3)), "ab");
  EXPECT_EQ(clean_text("138\xE2\x80\xAE"
                       "5678\xE2\x80\xAC"),
            "1385678");                                     // RLO ... PDF
  EXPECT_EQ(clean_text("\xE2\x81\xA6x\xE2\x81\xA9"), "x");  // LRI ... PDI
  EXPECT_EQ(clean_text("单位 — «ok»"), "单位 — «ok»");
}

TEST(Strings, LikePatternMakesWildcardsLiteral) {
  EXPECT_EQ(like_pattern("abc"), "%abc%");
  EXPECT_EQ(like_pattern("5%_\\"), "%5\\%\\_\\\\%");
}

TEST(Strings, SpreadsheetSafeNeutralisesFormulasOnly) {
  EXPECT_EQ(spreadsheet_safe("=1+1"), "'=1+1");
  EXPECT_EQ(spreadsheet_safe("+1+1"), "'+1+1");
  EXPECT_EQ(spreadsheet_safe("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
  EXPECT_EQ(spreadsheet_safe("@SUM(1)"), "'@SUM(1)");
  EXPECT_EQ(spreadsheet_safe("\t@SUM(9)"), "'\t@SUM(9)");
  EXPECT_EQ(spreadsheet_safe("\r=1"), "'\r=1");
  EXPECT_EQ(spreadsheet_safe("-"), "'-");
  EXPECT_EQ(spreadsheet_safe("-12.50"), "-12.50");
  EXPECT_EQ(spreadsheet_safe("+8613812345678"), "+8613812345678");
  EXPECT_EQ(spreadsheet_safe("-1."), "'-1.");
  EXPECT_EQ(spreadsheet_safe("公司=好"), "公司=好");
  EXPECT_EQ(spreadsheet_safe(""), "");
}

TEST(Strings, DigitsOnly) { EXPECT_EQ(digits_only("+86 138-1234 5678"), "8613812345678"); }

TEST(Strings, Utf8Validation) {
  EXPECT_TRUE(is_valid_utf8("单位名称,电话"));
  EXPECT_FALSE(is_valid_utf8("\xB5\xA5\xCE\xBB"));  // 单位 in GBK
  EXPECT_FALSE(is_valid_utf8("\xE5\x8D"));          // truncated sequence
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong
}

TEST(Strings, ParseInt64RejectsTrailingText) {
  long long v = 0;
  EXPECT_TRUE(parse_int64("120", v));
  EXPECT_EQ(v, 120);
  EXPECT_FALSE(parse_int64("120人", v));
  EXPECT_FALSE(parse_int64("", v));
  EXPECT_FALSE(parse_int64("99999999999999999999", v));
}

TEST(Strings, Base64UrlRoundTrip) {
  std::string out;
  for (std::string s : {"", "a", "ab", "abc", "[\"x\",12]", "中文"}) {
    ASSERT_TRUE(base64url_decode(base64url_encode(s), out));
    EXPECT_EQ(out, s);
  }
  EXPECT_FALSE(base64url_decode("ab$c", out));
}

TEST(Clock, IsoFormattingAndDates) {
  EXPECT_EQ(format_iso_utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_iso_utc(1795000000), "2026-11-18T11:06:40Z");
  EXPECT_TRUE(is_valid_date("2024-02-29"));
  EXPECT_FALSE(is_valid_date("2023-02-29"));
  EXPECT_FALSE(is_valid_date("2024-13-01"));
  EXPECT_FALSE(is_valid_date("24-1-1"));
}

TEST(Clock, ParsesIso8601WithAZone) {
  EXPECT_EQ(parse_iso8601("2026-11-18T11:06:40Z"), 1795000000);
  EXPECT_EQ(parse_iso8601("2026-11-18T19:06:40+08:00"), 1795000000);
  EXPECT_EQ(parse_iso8601("2026-11-18T11:06:40.123Z"), 1795000000);
  EXPECT_EQ(parse_iso8601("2026-11-18T06:06:40-05:00"), 1795000000);
  EXPECT_FALSE(parse_iso8601("2026-11-18T11:06:40"));  // which zone?
  EXPECT_FALSE(parse_iso8601("2026-02-30T11:06:40Z"));
  EXPECT_FALSE(parse_iso8601("2026-11-18T25:06:40Z"));
  EXPECT_FALSE(parse_iso8601("yesterday"));
}

}  // namespace waihu::util
