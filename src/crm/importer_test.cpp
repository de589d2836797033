#include "crm/importer.hpp"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <fstream>

#include "core/errors.hpp"
#include "crm/service.hpp"
#include "db/testing.hpp"
#include "util/encoding.hpp"

namespace waihu::crm {

namespace {
struct Fixture {
  db::TempDatabase db;
  util::FixedClock clock{1795000000};
  PhoneNormalizer phones;
  calendar::CompanyTime time{clock};
  org::OrgService org{*db, time};
  CustomerService customers{*db, clock, phones, org};
  CustomerImporter importer{*db, clock, phones, org};
  org::Team team = org.create_team(nullptr, "一组", std::nullopt);
  org::User a1 = org.create_user(nullptr, {"agent01", "", org::Role::kAgent, team.id, "secret123"});
  org::User a2 = org.create_user(nullptr, {"agent02", "", org::Role::kAgent, team.id, "secret123"});

  std::string file(const std::string& name, const std::string& content) {
    auto p = db.dir / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  long long count() {
    return db.db->read([](soci::session& sql) {
      long long n = 0;
      sql << "SELECT COUNT(*) FROM customers", soci::into(n);
      return n;
    });
  }
};

// The ICU converter the importer uses, run backwards: a GBK file as Chinese Excel saves it.
std::string to_gbk(const std::string& utf8) {
  std::string out(utf8.size() * 2 + 16, '\0');
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &err);
  out.resize(static_cast<size_t>(n));
  return out;
}
}  // namespace

TEST(Importer, GbkFileWithABadLineIsRefusedWholeUnlessPartial) {
  Fixture f;
  std::string csv =
      "单位名称,联系人,职务,电话,备注\r\n"
      "北京华信科技有限公司,王伟,总经理,138 1234 5678,\"老客户,\r\n跨两行的备注\"\r\n"
      "上海宏远贸易有限公司,李娜,采购,12345,号码太短\r\n"
      "\r\n"
      "广州鼎盛实业有限公司,张强,经理,020-83456789\r\n"
      "深圳博雅电子有限公司,刘芳,主管,0755-88886666,ok\r\n";
  auto path = f.file("gbk.csv", to_gbk(csv));
  ImportReport r = f.importer.run(nullptr, path, {std::nullopt, true});
  EXPECT_EQ(r.encoding, "GB18030");
  EXPECT_EQ(r.read, 4);
  EXPECT_EQ(r.rejected.count, 2);
  EXPECT_FALSE(r.committed);
  EXPECT_EQ(r.created, 0);
  EXPECT_EQ(f.count(), 0);  // nothing half-imported
  ASSERT_EQ(r.rejected.errors.size(), 2u);
  EXPECT_EQ(r.rejected.errors[0].line, 4u);  // physical line: the quoted note spans lines 2-3
  EXPECT_EQ(r.rejected.errors[0].column, "电话");
  EXPECT_EQ(r.rejected.errors[1].line, 6u);  // blank line 5 skipped, still counted
  EXPECT_EQ(r.rejected.errors[1].column, "");

  ImportOptions partial{std::nullopt, true, true};
  partial.rejects_path = (f.db.dir / "rejects.csv").string();
  r = f.importer.run(nullptr, path, partial);
  EXPECT_TRUE(r.committed);
  EXPECT_EQ(r.created, 2);
  EXPECT_EQ(f.count(), 2);
  std::ifstream rejects(partial.rejects_path);
  std::string all((std::istreambuf_iterator<char>(rejects)), {});
  EXPECT_NE(all.find("上海宏远贸易有限公司"), std::string::npos);
  EXPECT_NE(all.find("广州鼎盛实业有限公司"), std::string::npos);
}

TEST(Importer, DuplicatesWithinTheFileAndAgainstTheStore) {
  Fixture f;
  auto path = f.file("dups.csv",
                     "company,contact,phone\n"
                     "甲公司,王伟,13812345678\n"
                     "乙公司,李娜,+86 138-1234-5678\n"
                     "丙公司,张强,13900001111\n");
  ImportOptions o;
  o.owner_username = "agent01";
  ImportReport r = f.importer.run(nullptr, path, o);
  EXPECT_EQ(r.created, 2);
  EXPECT_EQ(r.duplicates, 1);
  EXPECT_EQ(r.rejected.count, 0);
  EXPECT_TRUE(r.committed);
  // Re-importing the same file creates nothing.
  r = f.importer.run(nullptr, path, o);
  EXPECT_EQ(r.created, 0);
  EXPECT_EQ(r.duplicates, 3);
  EXPECT_EQ(f.count(), 2);
}

TEST(Importer, DedupeUpdateFillsFieldsAndFlagOpensClaims) {
  Fixture f;
  ImportOptions o;
  o.owner_username = "agent01";
  f.importer.run(nullptr, f.file("a.csv", "公司,电话,行业\n甲公司,13812345678,\n"), o);
  o.dedupe = DedupeMode::kUpdate;
  auto r = f.importer.run(nullptr, f.file("b.csv", "公司,电话,行业\n,13812345678,制造业\n"), o);
  EXPECT_EQ(r.updated, 1);
  auto c = f.customers.get(org::system_actor(), 1);
  EXPECT_EQ(c.industry, "制造业");
  EXPECT_EQ(c.company, "甲公司");  // an empty cell does not blank a field

  ImportOptions flag;
  flag.owner_username = "agent02";
  flag.dedupe = DedupeMode::kFlag;
  r = f.importer.run(nullptr, f.file("c.csv", "公司,电话\n甲公司有限公司,13900001111\n"), flag);
  EXPECT_EQ(r.duplicates, 1);
  EXPECT_EQ(r.claims, 1);
  // The claim names both agents (its workflow lives in discipline/claim_service).
  (*f.db).read([&](soci::session& sql) {
    std::string reason;
    long long holder = 0, claimant = 0, n = 0;
    sql << "SELECT COUNT(*) FROM duplicate_claims", soci::into(n);
    sql << "SELECT reason, holder_id, claimant_id FROM duplicate_claims", soci::into(reason), soci::into(holder),
        soci::into(claimant);
    EXPECT_EQ(n, 1);
    EXPECT_EQ(reason, "company");
    EXPECT_EQ(holder, f.a1.id);
    EXPECT_EQ(claimant, f.a2.id);
  });
}

TEST(Importer, DryRunWritesNothing) {
  Fixture f;
  ImportOptions o;
  o.pool = true;
  o.dry_run = true;
  auto r = f.importer.run(nullptr, f.file("d.csv", "公司,电话\n甲,13812345678\n乙,13900001111\n"), o);
  EXPECT_EQ(r.created, 2);
  EXPECT_FALSE(r.committed);
  EXPECT_EQ(f.count(), 0);
}

TEST(Importer, WholeFileProblemsAreClearErrors) {
  Fixture f;
  EXPECT_THROW(f.importer.run(nullptr, f.file("empty.csv", ""), {}), BadRequest);
  EXPECT_THROW(f.importer.run(nullptr, f.file("nophone.csv", "公司,备注\n甲,x\n"), {}), BadRequest);
  ImportOptions o;
  o.owner_username = "ghost";
  EXPECT_THROW(f.importer.run(nullptr, f.file("ok.csv", "公司,电话\n甲,13812345678\n"), o), BadRequest);
  EXPECT_EQ(f.count(), 0);
}

}  // namespace waihu::crm
