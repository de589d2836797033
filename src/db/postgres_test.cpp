// The store on a real PostgreSQL server: scripts/test.sh runs this binary against its throwaway server
// (WAIHU_TEST_PG, the server's …/postgres URL). Each test works in a database of its own.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <thread>

#include "core/errors.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "db/query.hpp"
#include "db/row_inserter.hpp"
#include "db/store_copy.hpp"
#include "db/testing.hpp"

namespace waihu::db {
namespace {

std::string server_url() {
  const char* url = std::getenv("WAIHU_TEST_PG");
  if (!url) throw std::runtime_error("WAIHU_TEST_PG must name a PostgreSQL server (scripts/test.sh starts one)");
  return url;
}

/// A fresh, migrated database on the test server, dropped afterwards.
struct PgDatabase {
  std::string name;
  std::unique_ptr<Database> db;
  explicit PgDatabase(DatabaseOptions options = {}) {
    static std::atomic<int> counter{0};
    name = "waihu_unit_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    admin("CREATE DATABASE " + name);
    std::string url = server_url();
    db = std::make_unique<Database>(parse_db_url(url.substr(0, url.rfind('/') + 1) + name, ""), options);
    db->migrate();
  }
  ~PgDatabase() {
    db.reset();
    try {
      admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (...) {
    }
  }
  static void admin(const std::string& statement) {
    Database server(parse_db_url(server_url(), ""), 1);
    soci::session sql(server.pool());
    sql << statement;
  }
};

long long count(Database& db, const std::string& table) {
  return db.read([&](soci::session& sql) { return *Query("SELECT COUNT(*) FROM " + table).scalar(sql); });
}

TEST(Postgres, RowInserterReturnsIdsAndSkipsConflictsWithoutAbortingTheTransaction) {
  PgDatabase t;
  t.db->write([&](soci::session& sql) {
    RowInserter teams(sql, Dialect::kPostgres, "teams", {"name", "created_at"});
    long long a = teams.text("一组").integer(1).insert();
    long long b = teams.text("二组").integer(1).insert();
    EXPECT_GT(a, 0);
    EXPECT_EQ(b, a + 1);
    RowInserter again(sql, Dialect::kPostgres, "teams", {"name", "created_at"}, {.skip_on_conflict = true});
    EXPECT_EQ(again.text("一组").integer(2).insert(), 0);
    EXPECT_FALSE(again.last_inserted());
    EXPECT_GT(again.text("三组").integer(2).insert(), b);
    EXPECT_TRUE(again.last_inserted());
    // An empty text is an empty string, not NULL.
    RowInserter tags(sql, Dialect::kPostgres, "login_throttle",
                     {"throttle_key", "failures", "window_start", "locked_until"}, {.returns_id = false});
    tags.text("").integer(0).integer(0).integer(0).insert();
    EXPECT_TRUE(tags.last_inserted());
  });
  EXPECT_EQ(count(*t.db, "teams"), 3);
}

TEST(Postgres, BatchedRowsGetTheirIdsAtOnceAndReachTheTableAtFlush) {
  PgDatabase t;
  t.db->write([&](soci::session& sql) {
    RowInserter teams(sql, Dialect::kPostgres, "teams", {"name", "created_at"}, {.batched = true});
    std::vector<long long> ids;
    for (int i = 0; i < 2500; ++i) ids.push_back(teams.text("组" + std::to_string(i)).integer(i).insert());
    for (size_t i = 1; i < ids.size(); ++i) ASSERT_GT(ids[i], ids[i - 1]);
    // Two full batches went when the next row found them full; the rest waits for flush().
    EXPECT_EQ(*Query("SELECT COUNT(*) FROM teams").scalar(sql), 2000);
    teams.flush();
    EXPECT_EQ(*Query("SELECT COUNT(*) FROM teams").scalar(sql), 2500);
    Query q;
    q << "SELECT name FROM teams WHERE id = " << q.bind(ids[1234]);
    EXPECT_EQ(q.fetch_one(sql, 1)->str(0), "组1234");
  });
  EXPECT_EQ(count(*t.db, "teams"), 2500);
  // An error in a batch comes at the flush, and then the transaction cannot commit.
  EXPECT_THROW(t.db->write([&](soci::session& sql) {
    RowInserter throttles(sql, Dialect::kPostgres, "login_throttle",
                          {"throttle_key", "failures", "window_start", "locked_until"},
                          {.returns_id = false, .batched = true});
    throttles.text("同一个").integer(0).integer(0).integer(0).insert();
    throttles.text("同一个").integer(0).integer(0).integer(0).insert();
    EXPECT_THROW(throttles.flush(), soci::soci_error) << "a duplicate key";
  }),
               std::exception);
  EXPECT_EQ(count(*t.db, "login_throttle"), 0);
}

TEST(Postgres, BatchedRowsThatMayBeSkippedTellWhichWentInAtTheFlush) {
  PgDatabase t;
  t.db->write([&](soci::session& sql) {
    sql << "INSERT INTO teams (name, created_at) VALUES ('一组', 1)";
    RowInserter teams(sql, Dialect::kPostgres, "teams", {"name", "created_at"},
                      {.skip_on_conflict = true, .batched = true});
    teams.text("一组").integer(2).insert();  // already stored
    long long fresh = teams.text("新组").integer(2).insert();
    teams.text("新组").integer(3).insert();  // twice in one batch: the second is skipped
    EXPECT_TRUE(teams.take_inserted_ids().empty()) << "nothing is known before the flush";
    teams.flush();
    EXPECT_EQ(teams.take_inserted_ids(), std::vector<long long>{fresh});
  });
  EXPECT_EQ(count(*t.db, "teams"), 2);
}

TEST(Postgres, ATransactionWhoseBatchFailedInADestructorIsNotCommitted) {
  PgDatabase t;
  EXPECT_THROW(t.db->write([&](soci::session& sql) {
    sql << "INSERT INTO teams (name, created_at) VALUES ('先写的', 1)";
    RowInserter teams(sql, Dialect::kPostgres, "teams", {"name", "created_at"}, {.batched = true});
    teams.text("先写的").integer(2).insert();  // a duplicate name, sent only by the destructor
  }),
               std::exception);
  EXPECT_EQ(count(*t.db, "teams"), 0) << "nothing of the transaction was committed";
}

TEST(Postgres, ALostConnectionAnswersUnavailableAndTheSessionReconnects) {
  PgDatabase t({.pool_size = 1});
  long long pid = t.db->read([](soci::session& sql) { return *Query("SELECT pg_backend_pid()").scalar(sql); });
  // The connection dies in the middle of a transaction: the write fails as retryable, and writes nothing.
  try {
    t.db->write([&](soci::session& sql) {
      sql << "INSERT INTO teams (name, created_at) VALUES ('半途', 1)";
      PgDatabase::admin("SELECT pg_terminate_backend(" + std::to_string(pid) + ")");
      sql << "INSERT INTO teams (name, created_at) VALUES ('另一半', 1)";
    });
    FAIL() << "the write cannot have succeeded";
  } catch (const Unavailable& e) {
    EXPECT_EQ(e.code(), "store.unavailable");
  }
  // The pool's one session opens a new connection by itself.
  EXPECT_EQ(count(*t.db, "teams"), 0);
  t.db->write([](soci::session& sql) { sql << "INSERT INTO teams (name, created_at) VALUES ('重连后', 1)"; });
  EXPECT_EQ(count(*t.db, "teams"), 1);
  // A connection that died while idle in the pool is replaced before use: the request does not fail at all.
  pid = t.db->read([](soci::session& sql) { return *Query("SELECT pg_backend_pid()").scalar(sql); });
  PgDatabase::admin("SELECT pg_terminate_backend(" + std::to_string(pid) + ")");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(count(*t.db, "teams"), 1);
}

TEST(Postgres, AStatementPastTheTimeoutIsCancelledAsRetryableButBulkWritesAreNotLimited) {
  PgDatabase t({.pool_size = 1, .statement_timeout_ms = 200});
  try {
    t.db->read([](soci::session& sql) { sql << "SELECT pg_sleep(2)"; });
    FAIL() << "the statement must be cancelled";
  } catch (const Unavailable& e) {
    EXPECT_EQ(e.code(), "store.timeout");
  }
  t.db->write([&](soci::session& sql) {
    BulkWriteTuning bulk(sql, Dialect::kPostgres);
    sql << "SELECT pg_sleep(0.4)";
  });
  // The limit is back after the bulk transaction.
  EXPECT_THROW(t.db->read([](soci::session& sql) { sql << "SELECT pg_sleep(2)"; }), Unavailable);
}

TEST(Postgres, AUniqueViolationThatIsNoRaceEndsAsConflictAfterTheRetries) {
  PgDatabase t;
  t.db->write([](soci::session& sql) { sql << "INSERT INTO teams (name, created_at) VALUES ('一组', 1)"; });
  int runs = 0;
  try {
    t.db->write([&](soci::session& sql) {
      ++runs;
      sql << "INSERT INTO teams (name, created_at) VALUES ('一组', 2)";
    });
    FAIL() << "a duplicate name cannot be written";
  } catch (const Conflict& e) {
    EXPECT_EQ(e.code(), "store.conflict");
  }
  EXPECT_EQ(runs, Database::kWriteAttempts);
}

TEST(Postgres, ForUpdateQueuesReadModifyWrites) {
  PgDatabase t({.pool_size = 8});
  t.db->write([](soci::session& sql) { sql << "INSERT INTO teams (name, created_at) VALUES ('计数', 0)"; });
  // Eight threads each add one to created_at a hundred times, reading it first: with the row lock none is lost.
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int k = 0; k < 100; ++k) {
        t.db->write([&](soci::session& sql) {
          Query q;
          q << "SELECT created_at FROM teams WHERE name = '计数'" << lock_clause(sql, Lock::kForUpdate);
          long long v = *q.scalar(sql);
          Query u;
          u << "UPDATE teams SET created_at = " << u.bind(v + 1) << " WHERE name = '计数'";
          u.exec(sql);
        });
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(t.db->read([](soci::session& sql) {
    return *Query("SELECT created_at FROM teams WHERE name = '计数'").scalar(sql);
  }),
            800);
}

TEST(Postgres, CopyStoreFromSqliteVerifiesEveryTableAndRefusesATargetWithData) {
  TempDatabase source;
  source.db->write([](soci::session& sql) {
    sql << "INSERT INTO teams (name, created_at) VALUES ('一组', 1)";
    sql << "INSERT INTO teams (name, parent_id, created_at) VALUES ('一组甲', 1, 2)";
    sql << "INSERT INTO login_throttle (throttle_key, failures, window_start, locked_until) VALUES ('k', 1, 2, 3)";
  });
  PgDatabase target;
  auto copied = copy_store(*source.db, *target.db, {});
  ASSERT_EQ(copied.size(), migrated_tables().size());
  for (const auto& c : copied) EXPECT_TRUE(c.matches()) << c.table;
  EXPECT_EQ(copied.front().table, "teams");
  EXPECT_EQ(copied.front().target.rows, 2);
  // New ids continue after the copied ones.
  long long id = target.db->write([](soci::session& sql) {
    return *Query("INSERT INTO teams (name, created_at) VALUES ('二组', 3) RETURNING id").scalar(sql);
  });
  EXPECT_EQ(id, 3);
  // A changed row changes the checksum.
  auto before = table_sum(*target.db, "teams");
  target.db->write([](soci::session& sql) { sql << "UPDATE teams SET name = '二组乙' WHERE id = 3"; });
  EXPECT_NE(table_sum(*target.db, "teams"), before);
  EXPECT_THROW(copy_store(*source.db, *target.db, {}), std::runtime_error);
  EXPECT_EQ(count(*target.db, "teams"), 3) << "a refused copy touches nothing";
  auto replaced = copy_store(*source.db, *target.db, {.overwrite = true});
  EXPECT_EQ(count(*target.db, "teams"), 2);
}

}  // namespace
}  // namespace waihu::db
