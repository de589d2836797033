#include <gtest/gtest.h>

#include "calls/cdr_rows.hpp"
#include "calls/cdr_rules.hpp"
#include "util/clock.hpp"

namespace waihu::calls {

TEST(CdrRules, ExtensionFromEveryChannelKind) {
  EXPECT_EQ(channel_extension("SIP/8001-0000002a"), "8001");
  EXPECT_EQ(channel_extension("PJSIP/8002-00000001"), "8002");
  EXPECT_EQ(channel_extension("Local/8003@from-internal-0000001;1"), "8003");
  EXPECT_EQ(channel_extension("IAX2/8004-3"), "8004");
  EXPECT_EQ(channel_extension("DAHDI/1-1"), "1");
  EXPECT_EQ(channel_extension("8001"), "");
  EXPECT_EQ(channel_extension(""), "");
}

TEST(CdrRules, DispositionsMapToResults) {
  EXPECT_EQ(result_of_disposition("ANSWERED"), CallResult::kConnected);
  EXPECT_EQ(result_of_disposition("NO ANSWER"), CallResult::kNoAnswer);
  EXPECT_EQ(result_of_disposition("BUSY"), CallResult::kBusy);
  EXPECT_EQ(result_of_disposition("FAILED"), CallResult::kFailed);
  EXPECT_EQ(result_of_disposition("CONGESTION"), CallResult::kFailed);
  EXPECT_EQ(result_of_disposition(" answered "), CallResult::kConnected);
  EXPECT_FALSE(result_of_disposition("MAYBE"));
}

TEST(CdrRules, PrefixStrippedOnlyWhenPresentAndNotTheWholeNumber) {
  std::vector<std::string> p{"9", "0"};
  EXPECT_EQ(strip_dial_prefix("913812345678", p), "13812345678");
  EXPECT_EQ(strip_dial_prefix("13812345678", p), "13812345678");
  EXPECT_EQ(strip_dial_prefix("9", p), "9");
  EXPECT_EQ(strip_dial_prefix("913812345678", {}), "913812345678");
}

TEST(CdrRules, PrefixListFromTheCommandLine) {
  EXPECT_EQ(parse_prefix_list("9, 0"), (std::vector<std::string>{"9", "0"}));
  EXPECT_EQ(parse_prefix_list(""), std::vector<std::string>{});
  EXPECT_EQ(parse_prefix_list(",9,,"), std::vector<std::string>{"9"});
}

TEST(CdrRules, ResultWordsInBothLanguages) {
  EXPECT_EQ(parse_result_text("接通"), CallResult::kConnected);
  EXPECT_EQ(parse_result_text("未接"), CallResult::kNoAnswer);
  EXPECT_EQ(parse_result_text("callback_requested"), CallResult::kCallbackRequested);
  EXPECT_EQ(parse_result_text(" Interested "), CallResult::kInterested);
  EXPECT_FALSE(parse_result_text("maybe"));
}

class CdrRowTest : public ::testing::Test {
 protected:
  CdrRowTest() : zone(*util::TimeZone::named("Asia/Shanghai")) {
    agents.by_extension = {{"8001", 11}, {"8002", 12}};
    agents.by_username = {{"agent01", 11}};
    customers.add("+8613812345678", 501);
    customers.seal();
    ctx.time_zone = &zone;
    ctx.strip_prefixes = {"9"};
    ctx.agents = &agents;
    ctx.phones = &phones;
    ctx.customers = &customers;
    ctx.now = *util::parse_iso8601("2026-12-01T00:00:00Z");
  }
  CdrRow parse(std::vector<std::string> fields) {
    util::CsvRecord rec;
    rec.line = 7;
    rec.fields = std::move(fields);
    return parse_cdr_row(std::move(rec), ctx);
  }
  static std::vector<std::string> master(std::string src, std::string dst, std::string channel,
                                         std::string disposition = "ANSWERED", std::string duration = "75",
                                         std::string billsec = "60", std::string uniqueid = "1764000000.1") {
    return {"",
            src,
            dst,
            "from-internal",
            "\"Agent\" <8001>",
            channel,
            "SIP/trunk-01",
            "Dial",
            "",
            "2026-11-24 10:30:00",
            "2026-11-24 10:30:15",
            "2026-11-24 10:31:15",
            duration,
            billsec,
            disposition,
            "DOCUMENTATION",
            uniqueid,
            ""};
  }
  util::TimeZone zone;
  org::PeopleDirectory agents;
  crm::PhoneNormalizer phones;
  crm::PhoneDirectory customers;
  CdrContext ctx;
};

TEST_F(CdrRowTest, AnsweredMasterCsvRecordBecomesAnEffectiveCall) {
  auto row = parse(master("8001", "913812345678", "SIP/8001-0000002a"));
  ASSERT_TRUE(std::holds_alternative<Call>(row.call)) << std::get<std::string>(row.call);
  const Call& c = std::get<Call>(row.call);
  EXPECT_EQ(c.agent_id, 11);
  EXPECT_EQ(c.number, "+8613812345678");
  EXPECT_EQ(c.customer_id, 501);
  EXPECT_EQ(util::format_iso_utc(c.started_at), "2026-11-24T02:30:00Z");  // Beijing 10:30
  EXPECT_EQ(c.ring_seconds, 15);
  EXPECT_EQ(c.talk_seconds, 60);
  EXPECT_EQ(c.result, CallResult::kConnected);
  EXPECT_TRUE(c.effective);
  EXPECT_EQ(c.source, CallSource::kImported);
  EXPECT_EQ(c.external_id, "1764000000.1");
}

TEST_F(CdrRowTest, AgentFoundInTheChannelWhenSrcIsACallerId) {
  auto row = parse(master("01062345678", "13900001111", "PJSIP/8002-00000001", "NO ANSWER", "30", "0"));
  ASSERT_TRUE(std::holds_alternative<Call>(row.call)) << std::get<std::string>(row.call);
  const Call& c = std::get<Call>(row.call);
  EXPECT_EQ(c.agent_id, 12);
  EXPECT_FALSE(c.customer_id);  // no customer holds the number
  EXPECT_EQ(c.talk_seconds, 0);
  EXPECT_EQ(c.ring_seconds, 30);
  EXPECT_FALSE(c.effective);
}

TEST_F(CdrRowTest, WithoutUniqueidTheKeyIsChannelStartAndDestination) {
  auto fields = master("8001", "13812345678", "SIP/8001-0000002a");
  fields.resize(16);
  auto row = parse(fields);
  ASSERT_TRUE(std::holds_alternative<Call>(row.call));
  EXPECT_EQ(std::get<Call>(row.call).external_id, "ast:SIP/8001-0000002a|2026-11-24 10:30:00|13812345678");
}

TEST_F(CdrRowTest, RejectionsSayWhy) {
  auto reason = [&](std::vector<std::string> f) {
    auto row = parse(std::move(f));
    return std::holds_alternative<std::string>(row.call) ? std::get<std::string>(row.call) : std::string("accepted");
  };
  EXPECT_NE(reason(master("8009", "13812345678", "SIP/8009-1")).find("8009"), std::string::npos);
  EXPECT_NE(reason({"a", "b", "c"}).find("16"), std::string::npos);
  EXPECT_NE(reason(master("8001", "13812345678", "SIP/8001-1", "MAYBE")).find("MAYBE"), std::string::npos);
  EXPECT_NE(reason(master("8001", "12345", "SIP/8001-1")).find("12345"), std::string::npos);
  EXPECT_NE(reason(master("8001", "13812345678", "SIP/8001-1", "ANSWERED", "10", "60")).find("billsec"),
            std::string::npos);
  EXPECT_NE(reason(master("8001", "13812345678", "SIP/8001-1", "ANSWERED", "-5", "0")).find("duration"),
            std::string::npos);
  auto bad_time = master("8001", "13812345678", "SIP/8001-1");
  bad_time[9] = "2026-13-01 10:00:00";
  EXPECT_NE(reason(bad_time).find("2026-13-01"), std::string::npos);
  auto future = master("8001", "13812345678", "SIP/8001-1");
  future[9] = "2099-01-01 10:00:00";
  EXPECT_NE(reason(future).find("started_at"), std::string::npos);
  auto ancient = master("8001", "13812345678", "SIP/8001-1");
  ancient[9] = "1970-01-02 10:00:00";
  EXPECT_NE(reason(ancient).find("started_at"), std::string::npos);
}

TEST_F(CdrRowTest, ACustomerOutsideTheImportersScopeIsNeitherLinkedNorNamed) {
  crm::PhoneDirectory mixed;
  mixed.add("+8613812345678", 501);
  mixed.add("+8613912345678", 777, false);
  mixed.seal();
  ctx.customers = &mixed;
  auto row = parse(master("8001", "913912345678", "SIP/8001-1"));
  ASSERT_TRUE(std::holds_alternative<std::string>(row.call));
  EXPECT_NE(std::get<std::string>(row.call).find("outside your scope"), std::string::npos);
  EXPECT_EQ(std::get<std::string>(row.call).find("777"), std::string::npos);
  auto mine = parse(master("8001", "913812345678", "SIP/8001-1"));
  ASSERT_TRUE(std::holds_alternative<Call>(mine.call));
  EXPECT_EQ(std::get<Call>(mine.call).customer_id, 501);
}

TEST_F(CdrRowTest, CsvLayoutByUsernameOrExtension) {
  ctx.format = CdrFormat::kCsv;
  ctx.columns = map_cdr_header({"坐席", "号码", "开始时间", "通话时长", "结果", "录音"});
  auto row = parse({"agent01", "138 1234 5678", "2026-11-24 09:00:00", "45", "有意向", "rec/1.wav"});
  ASSERT_TRUE(std::holds_alternative<Call>(row.call)) << std::get<std::string>(row.call);
  const Call& c = std::get<Call>(row.call);
  EXPECT_EQ(c.agent_id, 11);
  EXPECT_EQ(c.result, CallResult::kInterested);
  EXPECT_EQ(c.recording, "rec/1.wav");
  EXPECT_EQ(c.external_id, "csv:agent01|2026-11-24 09:00:00|+8613812345678");
  auto iso = parse({"8002", "13812345678", "2026-11-24T01:00:00Z", "0", "no_answer", ""});
  ASSERT_TRUE(std::holds_alternative<Call>(iso.call)) << std::get<std::string>(iso.call);
  EXPECT_EQ(std::get<Call>(iso.call).agent_id, 12);
  EXPECT_EQ(util::format_iso_utc(std::get<Call>(iso.call).started_at), "2026-11-24T01:00:00Z");
}

TEST(CdrHeader, NamesTheMissingColumns) {
  try {
    map_cdr_header({"agent", "number"});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("start, result"), std::string::npos);
  }
  EXPECT_THROW(map_cdr_header({"agent", "分机", "number", "start", "result"}), std::invalid_argument);
}

}  // namespace waihu::calls
