#include "util/csv.hpp"

#include <gtest/gtest.h>

namespace waihu::util {

namespace {
std::vector<CsvRecord> parse(const std::string& text, size_t chunk = 3) {
  size_t pos = 0;
  CsvReader r([&](std::string& out) {
    if (pos >= text.size()) return false;
    out = text.substr(pos, chunk);  // small chunks: records and quotes split across reads
    pos += chunk;
    return true;
  });
  std::vector<CsvRecord> out;
  CsvRecord rec;
  while (r.next(rec)) out.push_back(rec);
  return out;
}
}  // namespace

TEST(Csv, QuotedFieldsWithCommasQuotesAndLineBreaks) {
  auto recs = parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"line1\r\nline2\"\r\nlast,2,3\r\n");
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[1].fields, (std::vector<std::string>{"x, y", "say \"hi\"", "line1\r\nline2"}));
  EXPECT_EQ(recs[1].line, 2u);
  EXPECT_EQ(recs[2].line, 4u);  // the physical line the record starts on
}

TEST(Csv, BlankLinesAreSkippedAndLinesStillCounted) {
  auto recs = parse("h1,h2\n\n\na,b\n  \nc,d");
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[1].line, 4u);
  EXPECT_EQ(recs[2].fields, (std::vector<std::string>{"  "}));  // whitespace is content: the caller decides
  EXPECT_EQ(recs[3].line, 6u);
  EXPECT_EQ(recs[3].fields, (std::vector<std::string>{"c", "d"}));
}

TEST(Csv, GuessesTabAndSemicolon) {
  auto tabs = parse("公司\t电话\n甲\t1\n");
  EXPECT_EQ(tabs[1].fields, (std::vector<std::string>{"甲", "1"}));
  auto semis = parse("a;b\n1;2\n");
  EXPECT_EQ(semis[1].fields, (std::vector<std::string>{"1", "2"}));
}

TEST(Csv, UnterminatedQuoteIsReported) {
  auto recs = parse("a,b\n\"open,1\n");
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_FALSE(recs[1].error.empty());
}

TEST(Csv, OverlongRecordIsReportedAndReadingGoesOn) {
  std::string text = "a,b\n" + std::string(3000, 'x') + ",1\nok,2\n";
  size_t pos = 0;
  CsvReader r(
      [&](std::string& out) {
        if (pos >= text.size()) return false;
        out = text.substr(pos, 512);
        pos += 512;
        return true;
      },
      1024);
  CsvRecord rec;
  ASSERT_TRUE(r.next(rec));
  ASSERT_TRUE(r.next(rec));
  EXPECT_FALSE(rec.error.empty());
  EXPECT_EQ(rec.line, 2u);
  ASSERT_TRUE(r.next(rec));
  EXPECT_EQ(rec.fields, (std::vector<std::string>{"ok", "2"}));
  EXPECT_EQ(rec.line, 3u);
}

TEST(Csv, WriterQuotesAndNeutralisesFormulas) {
  std::string out;
  append_csv_record(out, {"a,b", "say \"hi\"", "=SUM(A1)", "+8613812345678", "plain"});
  EXPECT_EQ(out, "\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),+8613812345678,plain\r\n");
}

TEST(Csv, WriterNeutralisesEveryFormulaTrigger) {
  std::string out;
  append_csv_record(out, {"-2+3+cmd|' /C calc'!A0", "\t@SUM(9)", "@cmd", "\rx", "-12.50", "+"});
  EXPECT_EQ(out, "'-2+3+cmd|' /C calc'!A0,\"'\t@SUM(9)\",'@cmd,\"'\rx\",-12.50,'+\r\n");
}

}  // namespace waihu::util
