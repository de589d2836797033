#include "policy/document.hpp"

#include <gtest/gtest.h>

#include "policy/bands.hpp"
#include "policy/header.hpp"

namespace waihu::policy {

namespace {
// The problems of reading `text` with `read` (a module reading its section), as "LINE:COLUMN: reason".
template <class Read>
std::vector<std::string> problems(const std::string& text, Read read) {
  Document doc(text, "p.toml");
  read(doc);
  doc.finish();
  std::vector<std::string> out;
  for (const auto& p : doc.problems()) out.push_back(p.str());
  return out;
}
bool any_contains(const std::vector<std::string>& v, const std::string& part) {
  for (const auto& s : v)
    if (s.find(part) != std::string::npos) return true;
  return false;
}
const char* kHeader = R"([policy]
name = "A"
effective_from = 2026-10-01
time_zone = "Asia/Shanghai"
week_starts_on = "monday"
working_days = ["monday", "tuesday", "wednesday", "thursday", "friday"]
workday = { start = "09:00", end = "18:00" }
)";
}  // namespace

TEST(Document, ASyntaxErrorIsOneProblemWithItsLineAndColumn) {
  auto p = problems("[policy]\nname = \"A\nx = 1\n", [](Document&) {});
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].rfind("p.toml:2:", 0), 0u) << p[0];
}

TEST(Document, UnknownSectionsAndKeysAreNamedWhereTheyStand) {
  auto p = problems(std::string(kHeader) + "colour = \"blue\"\n\n[quotas]\ncalls = 120\n",
                    [](Document& d) { read_header(d); });
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0], "p.toml:8:1: unknown key 'colour'");
  EXPECT_EQ(p[1], "p.toml:10:2: unknown section 'quotas'");
}

TEST(Header, ReadsTheCompanysTime) {
  Document doc(kHeader, "p.toml");
  auto h = read_header(doc);
  doc.finish();
  ASSERT_TRUE(h) << doc.problems().front().str();
  EXPECT_TRUE(doc.ok());
  EXPECT_EQ(h->effective_from.str(), "2026-10-01");
  EXPECT_EQ(h->workday_start, 9 * 60);
  EXPECT_EQ(h->workday_end, 18 * 60);
  EXPECT_FALSE(h->working_days[5]);
}

TEST(Header, AnImpossibleDateIsASyntaxError) {
  auto p = problems(R"([policy]
name = 7
effective_from = 2026-02-30
time_zone = "Asia/Atlantis"
week_starts_on = "monday"
working_days = ["monday", "funday", "monday"]
workday = { start = "25:00", end = "08:00" }
)",
                    [](Document& d) { EXPECT_FALSE(read_header(d)); });
  ASSERT_EQ(p.size(), 1u);  // TOML itself refuses February 30th, and nothing is read past a syntax error
  EXPECT_EQ(p[0].rfind("p.toml:3:", 0), 0u) << p[0];
}

TEST(Header, NamesEachWrongValue) {
  auto p = problems(R"([policy]
name = "A"
effective_from = "2026-13-01"
time_zone = "Asia/Atlantis"
week_starts_on = "friday"
working_days = ["monday", "funday", "monday"]
workday = { start = "25:00", end = "08:00" }
)",
                    [](Document& d) { EXPECT_FALSE(read_header(d)); });
  EXPECT_TRUE(any_contains(p, "p.toml:3:18: 'effective_from' must be a real date")) << p[0];
  EXPECT_TRUE(any_contains(p, "p.toml:4:13: unknown time zone \"Asia/Atlantis\""));
  EXPECT_TRUE(any_contains(p, "p.toml:5:18: 'week_starts_on' must be one of monday, sunday, saturday"));
  EXPECT_TRUE(any_contains(p, "p.toml:6:27: \"funday\" is not one of"));
  EXPECT_TRUE(any_contains(p, "p.toml:6:37: \"monday\" is listed twice"));
  EXPECT_TRUE(any_contains(p, "p.toml:7:21: 'start' must be a time of day"));
}

TEST(Header, AWorkdayEndsAfterItStarts) {
  auto p = problems(R"([policy]
name = "A"
effective_from = 2026-10-01
time_zone = "Asia/Shanghai"
week_starts_on = "monday"
working_days = ["monday"]
workday = { start = 18:00:00, end = "09:00" }
)",
                    [](Document& d) { EXPECT_FALSE(read_header(d)); });
  ASSERT_EQ(p.size(), 1u);
  EXPECT_TRUE(any_contains(p, "the workday must end after it starts"));
}

TEST(Table, NegativeAndOutOfRangeIntegersAreRefused) {
  auto p = problems("[x]\nfine = -5\nseconds = 99999\nn = 1.5\n", [](Document& d) {
    auto t = d.root().table("x");
    EXPECT_FALSE(t->integer("fine", {.min = 0}));
    EXPECT_FALSE(t->integer("seconds", {.min = 0, .max = 3600}));
    EXPECT_FALSE(t->integer("n", {}));
  });
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0], "p.toml:2:8: 'fine' cannot be negative");
  EXPECT_EQ(p[1], "p.toml:3:11: 'seconds' must be at most 3600");
  EXPECT_EQ(p[2], "p.toml:4:5: 'n' must be a whole number, not a decimal number");
}

TEST(Table, HundredthsTakeTwoDecimalsAtMost) {
  Document doc("a = 99.5\nb = 70\nc = 1.234\n", "p.toml");
  EXPECT_EQ(doc.root().hundredths("a"), 9950);
  EXPECT_EQ(doc.root().hundredths("b"), 7000);
  EXPECT_FALSE(doc.root().hundredths("c"));
  EXPECT_EQ(doc.problems().at(0).str(), "p.toml:3:5: 'c' has more than two decimals");
}

// ---- band tables ------------------------------------------------------------------------------------------------

namespace {
std::vector<std::string> band_problems(const std::string& bands, const std::string& boundaries = "lower_inclusive") {
  return problems("[t]\nboundaries = \"" + boundaries + "\"\nbands = [\n" + bands + "]\n", [](Document& d) {
    auto t = d.root().table("t");
    auto table = read_bands(*t);
    if (table)
      for (const auto& b : table->bands) b.row.accept("rate");
  });
}
}  // namespace

TEST(Bands, Seed001SupervisorBandsAsWrittenLeaveAGapAndAreRefused) {
  // "< 70%: 0; 71–99%: 1%; 100–150%: 2%"
  auto p = band_problems(
      "  { from = 0, to = 70, rate = 0 },\n  { from = 71, to = 99, rate = 1 },\n  { from = 100, to = 150, rate = 2 "
      "},\n");
  std::string joined;
  for (const auto& s : p) joined += s + "\n";
  ASSERT_EQ(p.size(), 2u) << joined;
  EXPECT_EQ(p[0].rfind("p.toml:5:", 0), 0u) << p[0];
  EXPECT_TRUE(any_contains(p, "gap: no band holds values between 70 and 71"));
  EXPECT_TRUE(any_contains(p, "gap: no band holds values between 99 and 100"));
}

TEST(Bands, OverlapOrderEmptinessAndOpenEndsAreRefused) {
  EXPECT_TRUE(any_contains(band_problems("{ from = 0, to = 80, rate = 0 },\n{ from = 70, rate = 1 },\n"),
                           "overlap: the band from 70 starts before the band above ends at 80"));
  EXPECT_TRUE(any_contains(band_problems("{ from = 0, to = 70, rate = 0 },\n{ from = 100, rate = 2 },\n"
                                         "{ from = 70, to = 100, rate = 1 },\n"),
                           "bands out of order"));
  EXPECT_TRUE(any_contains(band_problems("{ from = 0, to = 0, rate = 0 },\n{ from = 0, rate = 1 },\n"),
                           "band from 0 to 0 is empty"));
  EXPECT_TRUE(any_contains(band_problems("{ from = 0, rate = 0 },\n{ from = 70, rate = 1 },\n"),
                           "only the last band may leave out 'to'"));
  EXPECT_TRUE(any_contains(band_problems("{ from = 10, to = 70, rate = 0 },\n{ from = 70, rate = 1 },\n"),
                           "the first band must start at 0"));
}

TEST(Bands, InclusivityMustBeStated) {
  auto p = problems("[t]\nbands = [{ from = 0, rate = 1 }]\n", [](Document& d) {
    EXPECT_FALSE(read_bands(*d.root().table("t")));
    d.root().table("t")->tables("bands")[0].accept("rate");
  });
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], "p.toml:1:1: missing 'boundaries'");
}

TEST(Bands, TheStatedEdgeDecidesWhichBandHoldsIt) {
  for (auto [boundaries, at70] : {std::pair{"lower_inclusive", 1}, std::pair{"upper_inclusive", 0}}) {
    Document doc(std::string("boundaries = \"") + boundaries +
                     "\"\nbands = [{ from = 0, to = 70, rate = 0 }, { from = 70, to = 99.5, rate = 1 }, "
                     "{ from = 99.5, rate = 2 }]\n",
                 "p.toml");
    auto t = read_bands(doc.root());
    ASSERT_TRUE(t);
    auto rate_at = [&](long long v) { return t->find(v) ? t->find(v)->row.integer("rate", {}).value_or(-1) : -1; };
    EXPECT_EQ(rate_at(7000), at70) << boundaries;
    EXPECT_EQ(rate_at(6999), 0);
    EXPECT_EQ(rate_at(9949), 1);
    EXPECT_EQ(rate_at(0), 0);
    EXPECT_EQ(rate_at(1000000), 2);
    EXPECT_EQ(rate_at(-1), -1);
  }
}

TEST(Bands, ABandMovesOneEdgeAgainstTheTableAndARatioIsComparedExactly) {
  // Seed 001: "100% – 150%: 1.5%; > 150%: 2%" — 100 opens its band (lower inclusive), 150 closes one.
  Document doc(
      "boundaries = \"lower_inclusive\"\nbands = [{ from = 0, to = 100, rate = 1 }, { from = 100, to = 150, rate = 2 "
      "}, { from = 150, rate = 3, holds_from = false }]\n",
      "p.toml");
  auto t = read_bands(doc.root());
  ASSERT_TRUE(t) << doc.problems().at(0).str();
  auto rate = [&](long long num, long long den) {
    auto b = t->find_ratio(num, den);
    return b ? b->row.integer("rate", {}).value_or(-1) : -1;
  };
  EXPECT_EQ(rate(9999, 1), 1);
  EXPECT_EQ(rate(10000, 1), 2);
  EXPECT_EQ(rate(15000, 1), 2);
  EXPECT_EQ(rate(15001, 1), 3);
  // 150.001%: above 150 although it rounds to 150.00.
  EXPECT_EQ(rate(150001, 10), 3);
  EXPECT_EQ(rate(1500000, 100), 2);
  Document first("boundaries = \"lower_inclusive\"\nbands = [{ from = 0, rate = 1, holds_from = false }]\n", "q.toml");
  EXPECT_FALSE(read_bands(first.root()));
}

}  // namespace waihu::policy
