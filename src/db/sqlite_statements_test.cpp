#include "db/sqlite_statements.hpp"

#include <gtest/gtest.h>

#include <set>

#include "db/query.hpp"
#include "db/testing.hpp"

namespace waihu::db::sqlite {
namespace {

// How many statements the connection holds prepared right now.
int statements_on(Handle* db) {
  int n = 0;
  for (auto* st = sqlite_api::sqlite3_next_stmt(db, nullptr); st; st = sqlite_api::sqlite3_next_stmt(db, st)) ++n;
  return n;
}

TEST(SqliteStatements, ADatabaseConnectionPreparesAStatementOnceAndReusesIt) {
  TempDatabase t;
  t.db->read([](soci::session& sql) {
    Handle* db = handle(sql);
    const int before = statements_on(db);
    for (int i = 0; i < 5; ++i) {
      Query q;
      q << "SELECT COUNT(*) FROM teams WHERE id > " << q.bind(static_cast<long long>(i));
      EXPECT_EQ(*q.scalar(sql), 0);
    }
    EXPECT_EQ(statements_on(db), before + 1);
  });
}

TEST(SqliteStatements, TheSameTextInUseTwiceAtOnceGetsTwoStatements) {
  TempDatabase t;
  t.db->read([](soci::session& sql) {
    Statement outer(handle(sql), "SELECT 1");
    Statement inner(handle(sql), "SELECT 1");
    EXPECT_NE(outer.get(), inner.get());
  });
}

TEST(SqliteStatements, OtherConnectionsFinalizeEachStatementAfterItsUse) {
  TempDatabase t;
  soci::session other(soci::sqlite3, "db=\"" + (t.dir / "waihu.db").string() + "\"");
  Query q("SELECT COUNT(*) FROM teams");
  EXPECT_EQ(*q.scalar(other), 0);
  EXPECT_EQ(statements_on(handle(other)), 0);
}

TEST(SqliteStatements, AConnectionKeepsABoundedNumber) {
  TempDatabase t;
  t.db->read([](soci::session& sql) {
    for (size_t i = 0; i < kKeptPerConnection + 50; ++i) {
      Query q("SELECT " + std::to_string(i));
      EXPECT_EQ(*q.scalar(sql), static_cast<long long>(i));
    }
    EXPECT_LE(statements_on(handle(sql)), static_cast<int>(kKeptPerConnection));
  });
}

TEST(SqliteStatements, AKeptStatementFollowsASchemaChange) {
  TempDatabase t;
  t.db->write([](soci::session& sql) { sql << "CREATE TABLE notes (a TEXT)"; });
  auto columns = [&] {
    return t.db->write([](soci::session& sql) {
      Query q("SELECT * FROM notes");
      Query("INSERT INTO notes DEFAULT VALUES").exec(sql);
      Statement st(handle(sql), q.text());
      sqlite_api::sqlite3_step(st.get());
      return sqlite_api::sqlite3_column_count(st.get());
    });
  };
  EXPECT_EQ(columns(), 1);
  t.db->write([](soci::session& sql) { sql << "ALTER TABLE notes ADD COLUMN b TEXT"; });
  EXPECT_EQ(columns(), 2);
}

TEST(SqliteStatements, AFailedStatementThrowsWhatTheStoreTranslatesAndCanRunAgain) {
  TempDatabase t;
  t.db->write([](soci::session& sql) { sql << "CREATE TABLE codes (code TEXT UNIQUE)"; });
  auto insert = [&](const std::string& code) {
    t.db->write([&](soci::session& sql) {
      Query q;
      q << "INSERT INTO codes (code) VALUES (" << q.bind(code) << ")";
      q.exec(sql);
    });
  };
  insert("a");
  try {
    insert("a");
    FAIL() << "a unique violation must throw";
  } catch (const soci::sqlite3_soci_error& e) {
    EXPECT_EQ(e.result(), SQLITE_CONSTRAINT);
    EXPECT_NE(std::string(e.what()).find("UNIQUE"), std::string::npos);
  }
  insert("b");
  long long n = t.db->read([](soci::session& sql) { return *Query("SELECT COUNT(*) FROM codes").scalar(sql); });
  EXPECT_EQ(n, 2);
}

TEST(SqliteStatements, ReleaseFinalizesWhatTheConnectionKept) {
  TempDatabase t;
  soci::session s(soci::sqlite3, "db=\"" + (t.dir / "waihu.db").string() + "\"");
  adopt(handle(s));
  Query("SELECT COUNT(*) FROM teams").scalar(s);
  Query("SELECT COUNT(*) FROM users").scalar(s);
  EXPECT_EQ(statements_on(handle(s)), 2);
  release(handle(s));
  EXPECT_EQ(statements_on(handle(s)), 0);
}

TEST(SqliteStatements, ParametersThatAreNotInTheTextAreABug) {
  TempDatabase t;
  t.db->read([](soci::session& sql) {
    Query q("SELECT 1");
    q.bind(1LL);
    EXPECT_THROW(q.exec(sql), std::logic_error);
  });
}

}  // namespace
}  // namespace waihu::db::sqlite
