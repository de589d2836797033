#include "app/company_policy.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <tuple>

#include "pay/rules.hpp"

namespace waihu::app {

namespace {
std::string preset(const std::string& name) {
  const char* root = std::getenv("WAIHU_SOURCE_DIR");
  std::ifstream in(std::string(root ? root : ".") + "/policies/" + name + ".toml");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
std::string all(const PolicyCheck& c) {
  std::string out;
  for (const auto& p : c.problems) out += p.str() + "\n";
  return out;
}
}  // namespace

TEST(Presets, EveryPresetPassesWithItsExamples) {
  for (const char* name : {"preset-a", "preset-b", "seed-004", "seed-001"}) {
    const std::string text = preset(name);
    ASSERT_FALSE(text.empty()) << name;
    PolicyCheck c = check_policy(text, name);
    EXPECT_TRUE(c.problems.empty()) << all(c);
    ASSERT_TRUE(c.policy) << name;
    EXPECT_GE(c.examples, 1) << name;
  }
  auto seed004 = check_policy(preset("seed-004"), "seed-004");
  EXPECT_EQ(seed004.policy->effective_call.form, calls::EffectiveForm::kRecord);
  EXPECT_EQ(seed004.policy->effective_call.record_fields.size(), 6u);
}

TEST(Presets, AWrongExampleFailsTheCheckAtItsLine) {
  std::string text = preset("preset-a");
  // The first example expects 2 effective calls; say 3.
  const std::string from = "effective_calls = 2,";
  const size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, from.size(), "effective_calls = 3,");
  const int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
  PolicyCheck c = check_policy(text, "a.toml");
  ASSERT_EQ(c.problems.size(), 1u) << all(c);
  EXPECT_FALSE(c.policy);
  EXPECT_EQ(c.problems[0].where.line, line);
  EXPECT_NE(c.problems[0].reason.find("effective_calls comes out 2, the example expects 3"), std::string::npos)
      << c.problems[0].str();
}

TEST(Presets, UnknownMetricsAndKeysTheFormDoesNotUseAreProblems) {
  std::string text = preset("seed-004");
  text = std::regex_replace(text, std::regex("expect = \\{ dials = 3"), "expect = { dialz = 3");
  text = std::regex_replace(text, std::regex("form = \"record\""), "form = \"record\"\nmin_talk_seconds = 30");
  PolicyCheck c = check_policy(text, "s.toml");
  const std::string p = all(c);
  EXPECT_NE(p.find("unknown metric 'dialz'"), std::string::npos) << p;
  EXPECT_NE(p.find("'min_talk_seconds' is not used by form \"record\""), std::string::npos) << p;
  EXPECT_EQ(c.problems.size(), 2u) << p;
}

TEST(Presets, AMissingSectionIsNamed) {
  std::string text = preset("preset-a");
  text = std::regex_replace(text, std::regex("\\[metrics\\]"), "[metric]");
  PolicyCheck c = check_policy(text, "a.toml");
  const std::string p = all(c);
  EXPECT_NE(p.find("missing section [metrics]"), std::string::npos) << p;
  EXPECT_NE(p.find("unknown section 'metric'"), std::string::npos) << p;
}

}  // namespace waihu::app

namespace waihu::app {

TEST(Quotas, PresetAReadsAsTheRegulationAndRendersInBothLanguages) {
  PolicyCheck c = check_policy(preset("preset-a"), "preset-a");
  ASSERT_TRUE(c.policy && c.policy->quotas) << all(c);
  const auto book = c.policy->rule_book();
  const auto section = std::find_if(book.begin(), book.end(), [](const auto& s) { return s.key == "quotas"; });
  ASSERT_NE(section, book.end());
  EXPECT_EQ(section->zh[0], "每日有效通话 120；入职不满 15 天的新人 80；每少一个罚 5 元");
  EXPECT_EQ(section->en[1],
            "Every day 25 customers worth following; new hires (in the company under 15 days) 15 interested "
            "customers; a fine of 5 yuan per unit short");
}

TEST(Quotas, AnUnclearNewHireRuleAndAWrongQuotaExampleAreProblems) {
  std::string text = preset("preset-b");
  // Two conditions without saying whether both must hold.
  text = std::regex_replace(text, std::regex(", when = \"all\""), "");
  text = std::regex_replace(text, std::regex("short = \\{ talk_minutes = 10"), "short = { talk_minutes = 9");
  PolicyCheck c = check_policy(text, "b.toml");
  EXPECT_FALSE(c.policy);
  const std::string problems = all(c);
  EXPECT_NE(problems.find("'when'"), std::string::npos) << problems;
  // Seed 001 sets no quotas: a quota example there has nothing to check.
  std::string seed001 = preset("seed-001") +
                        "\n[[example]]\nof = \"quota_day\"\nname = \"x\"\nhired = 2026-01-01\nday = 2026-02-01\n"
                        "figures = { dials = 1 }\nexpect = { fine_fen = 0 }\n";
  EXPECT_NE(all(check_policy(seed001, "s.toml")).find("sets no [quotas]"), std::string::npos);
  // With the rule stated again, the wrong shortfall is named.
  text =
      std::regex_replace(text, std::regex("prior_months_under = 12 \\}"), "prior_months_under = 12, when = \"all\" }");
  const std::string wrong = all(check_policy(text, "b.toml"));
  EXPECT_NE(wrong.find("talk_minutes comes out 10, the example expects 9"), std::string::npos) << wrong;
}

}  // namespace waihu::app

namespace waihu::app {

TEST(DuplicateClaims, SilenceOnWhetherTheSharesAddUpIsRefusedAndTheExamplesCheckTheChoice) {
  std::string text = preset("preset-a");
  // Without `penalties` the loader refuses: choice 7 must be stated.
  std::string silent = std::regex_replace(text, std::regex("penalties = \"cumulative\"\n"), "");
  EXPECT_NE(all(check_policy(silent, "a.toml")).find("'penalties'"), std::string::npos)
      << all(check_policy(silent, "a.toml"));
  // "replacing" makes the company's 50% the whole cost: the preset's 80% example then fails at its line.
  std::string replacing =
      std::regex_replace(text, std::regex("penalties = \"cumulative\""), "penalties = \"replacing\"");
  const std::string p = all(check_policy(replacing, "a.toml"));
  EXPECT_NE(p.find("each agent loses 50% in all, the example expects 80%"), std::string::npos) << p;
  PolicyCheck c = check_policy(text, "a.toml");
  ASSERT_TRUE(c.policy && c.policy->claims) << all(c);
  EXPECT_EQ(c.policy->claims->manager_percent, 30);
  EXPECT_TRUE(c.policy->claims->cumulative);
}

}  // namespace waihu::app

namespace waihu::app {

TEST(Elimination, ARuleMustSayWhatItProposesAndWhoIsRanked) {
  const std::string text = preset("seed-001");
  // Choice 17: "淘汰或警告" — a rule that does not say which is refused, as is a bottom rule without company or team.
  std::string silent = std::regex_replace(text, std::regex("proposes = \"warning\"\n"), "");
  silent = std::regex_replace(silent, std::regex("among = \"company\"\n"), "");
  const std::string p = all(check_policy(silent, "s.toml"));
  EXPECT_NE(p.find("'proposes'"), std::string::npos) << p;
  EXPECT_NE(p.find("'among'"), std::string::npos) << p;
  // The bottom two instead of three: the worked example's third from the bottom is no longer warned, at its line.
  const std::string two = std::regex_replace(text, std::regex("count = 3"), "count = 2");
  const std::string q = all(check_policy(two, "s.toml"));
  EXPECT_NE(q.find("wang gets nothing, the example expects warning"), std::string::npos) << q;
  PolicyCheck c = check_policy(text, "s.toml");
  ASSERT_TRUE(c.policy && c.policy->elimination) << all(c);
  EXPECT_EQ(c.policy->elimination->rules.size(), 3u);
}

}  // namespace waihu::app

namespace waihu::app {

TEST(Shortfall, AnExtensionMustSayWhetherItsWorkCountsAndHowSundaysAreOwed) {
  const std::string text = preset("preset-b");
  // Choice 10, left unsaid: both keys are named.
  std::string silent = std::regex_replace(text, std::regex("extension_counts = true\n"), "");
  silent = std::regex_replace(silent, std::regex("sunday_overtime = \"per_week\"\n"), "");
  const std::string p = all(check_policy(silent, "b.toml"));
  EXPECT_NE(p.find("'extension_counts'"), std::string::npos) << p;
  EXPECT_NE(p.find("'sunday_overtime'"), std::string::npos) << p;
  PolicyCheck b = check_policy(text, "b.toml");
  ASSERT_TRUE(b.policy && b.policy->quotas && b.policy->quotas->shortfall) << all(b);
  EXPECT_EQ(b.policy->quotas->shortfall->check_minute, 17 * 60 + 50);
  EXPECT_EQ(b.policy->quotas->shortfall->stay_late_minutes, 30);
  // Preset A stays until done: an extension's keys make no sense there.
  std::string a = preset("preset-a");
  a = std::regex_replace(a, std::regex("stay_late = \"until_done\""),
                         "stay_late = \"until_done\"\nsunday_overtime = \"per_day\"");
  EXPECT_NE(all(check_policy(a, "a.toml")).find("staying until done has no end"), std::string::npos);
}

TEST(Shortfall, TheCountIsSignedOffByWhomThePolicyNames) {
  const std::string text = preset("preset-b");
  PolicyCheck b = check_policy(text, "b.toml");
  ASSERT_TRUE(b.policy && b.policy->quotas && b.policy->quotas->shortfall) << all(b);
  EXPECT_EQ(b.policy->quotas->shortfall->approval, quota::CountApproval::kManager);
  // Preset A names nobody: no sign-off step.
  PolicyCheck a = check_policy(preset("preset-a"), "a.toml");
  ASSERT_TRUE(a.policy && a.policy->quotas && a.policy->quotas->shortfall) << all(a);
  EXPECT_EQ(a.policy->quotas->shortfall->approval, quota::CountApproval::kNone);
  const std::string wrong = std::regex_replace(text, std::regex("approval = \"manager\""), "approval = \"director\"");
  EXPECT_NE(all(check_policy(wrong, "b.toml")).find("'approval'"), std::string::npos);
}

}  // namespace waihu::app

namespace waihu::app {

TEST(Meetings, EachKindSaysWhetherItIsInWorkingTimeAndNamesAnItemTheCatalogueHas) {
  const std::string text = preset("seed-004");
  std::string silent = std::regex_replace(text, std::regex("within_workday = true\nmissed_item"), "missed_item");
  EXPECT_NE(all(check_policy(silent, "s.toml")).find("'within_workday'"), std::string::npos);
  const std::string unknown =
      std::regex_replace(text, std::regex("missed_item = \"missed_meeting\""), "missed_item = \"missed_meetingz\"");
  EXPECT_NE(all(check_policy(unknown, "s.toml")).find("no [[points.item]] 'missed_meetingz'"), std::string::npos);
  PolicyCheck c = check_policy(text, "s.toml");
  ASSERT_TRUE(c.policy && c.policy->meetings) << all(c);
  ASSERT_NE(c.policy->meetings->find("team_daily"), nullptr);
  EXPECT_EQ(c.policy->meetings->find("team_daily")->at, 17 * 60);
  EXPECT_EQ(c.policy->meetings->find("company")->missed_item, "missed_meeting");
}

}  // namespace waihu::app

namespace waihu::app {

namespace {
long long commission_of(const pay::PayPlan& plan, const pay::MonthFacts& f) {
  long long sum = 0;
  for (const auto& l : pay::plan_lines(plan, f))
    if (l.code == "commission") sum += l.amount_fen;
  return sum;
}
}  // namespace

TEST(Pay, Seed001AtEveryBoundaryTheIssueNames) {
  PolicyCheck c = check_policy(preset("seed-001"), "seed-001");
  ASSERT_TRUE(c.policy && c.policy->pay) << all(c);
  const pay::PayPolicy& p = *c.policy->pay;
  auto clerk = [&](long long fen) {
    pay::MonthFacts f;
    f.own_sales_fen = fen;
    return commission_of(*p.plan_for("agent"), f);
  };
  EXPECT_EQ(clerk(799999), 0);
  EXPECT_EQ(clerk(800000), 0);
  EXPECT_EQ(clerk(800001), 0);
  EXPECT_EQ(clerk(1600000), 24000);
  EXPECT_EQ(clerk(1600100), 24004);
  EXPECT_EQ(clerk(3200000), 88000);
  EXPECT_EQ(clerk(3200100), 88005);
  EXPECT_EQ(clerk(6000000), 88000 + 90000 + 50000);  // above 50,000 the preset keeps 5%
  auto attained = [&](const char* role, long long sales_fen) {
    pay::MonthFacts f;
    f.team_sales_fen = sales_fen;
    f.team_target_fen = 10000000;
    return commission_of(*p.plan_for(role), f);
  };
  for (auto [sales, supervisor, manager] :
       {std::tuple{6999000LL, 0LL, 0LL}, std::tuple{7000000LL, 70000LL, 70000LL},
        std::tuple{7100000LL, 71000LL, 71000LL}, std::tuple{9999000LL, 99990LL, 99990LL},
        std::tuple{10000000LL, 150000LL, 150000LL}, std::tuple{15000000LL, 225000LL, 225000LL},
        std::tuple{15001000LL, 300020LL, 225015LL}}) {
    EXPECT_EQ(attained("supervisor", sales), supervisor) << sales;
    EXPECT_EQ(attained("manager", sales), manager) << sales;
  }
  // Below the baseline: base × sales ÷ 8,000; a field rep's proxy deals do not lift theirs.
  pay::MonthFacts rep;
  rep.own_sales_fen = 400000;
  rep.proxy_sales_fen = 2000000;
  long long base = 0;
  for (const auto& l : pay::plan_lines(*p.plan_for("field_rep"), rep))
    if (l.code == "base" || l.code == "baseline_cut") base += l.amount_fen;
  EXPECT_EQ(base, 37500);
  // The rule book says every choice in both languages.
  bool described = false;
  for (const auto& s : c.policy->rule_book())
    if (s.key == "pay") {
      described = true;
      EXPECT_GE(s.zh.size(), 10u);
      EXPECT_EQ(s.zh.size(), s.en.size());
    }
  EXPECT_TRUE(described);
}

}  // namespace waihu::app
