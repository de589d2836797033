#include "crm/store.hpp"

#include <gtest/gtest.h>

#include "db/query.hpp"
#include "db/testing.hpp"

namespace waihu::crm::store {
namespace {

// Customers far apart in id, so the set-based updates run in several spans, with customers on both sides of a
// span's edges.
const std::vector<long long> kIds{1, 49999, 50000, 50001, 100000, 100001, 250003};

TEST(ContactBatch, UpdatesEveryCustomerWhateverSpanItsIdFallsIn) {
  db::TempDatabase t;
  t.db->write([](soci::session& sql) {
    for (long long id : kIds) {
      db::Query q;
      q << "INSERT INTO customers (id, company, created_at, updated_at) VALUES (" << q.bind(id) << ", 'c', 0, 0)";
      q.exec(sql);
    }
  });
  t.db->write([&](soci::session& sql) {
    std::vector<ContactBatch::Contact> contacts;
    for (long long id : kIds) contacts.push_back({id, 1000 + id, "connected", true});
    ContactBatch batch(sql, t.db->dialect(), contacts);
    batch.record_last_contacts(5000);
    auto statuses = batch.statuses();
    EXPECT_EQ(statuses.size(), kIds.size());
    std::vector<ContactBatch::Move> moves;
    for (const auto& [id, from] : statuses) moves.push_back({id, from, CustomerStatus::kContacted});
    batch.move_statuses(moves, std::nullopt, 5000, "{}", 5000);
  });
  auto rows = t.db->read([](soci::session& sql) {
    return db::Query("SELECT id, last_contact_at, last_call_result, status FROM customers ORDER BY id").fetch(sql, 4);
  });
  ASSERT_EQ(rows.size(), kIds.size());
  for (size_t i = 0; i < kIds.size(); ++i) {
    EXPECT_EQ(rows[i].i64(0), kIds[i]);
    EXPECT_EQ(rows[i].opt_i64(1), 1000 + kIds[i]) << "customer " << kIds[i];
    EXPECT_EQ(rows[i].str(2), "connected");
    EXPECT_EQ(rows[i].str(3), "contacted") << "customer " << kIds[i];
  }
  long long audited = t.db->read([](soci::session& sql) {
    return *db::Query("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.status'").scalar(sql);
  });
  EXPECT_EQ(audited, static_cast<long long>(kIds.size()));
}

TEST(ContactBatch, AnOlderContactLeavesTheNewerOneInPlace) {
  db::TempDatabase t;
  t.db->write([](soci::session& sql) {
    sql << "INSERT INTO customers (id, company, last_contact_at, last_call_result, created_at, updated_at) "
           "VALUES (7, 'c', 9000, 'busy', 0, 0)";
  });
  t.db->write([&](soci::session& sql) {
    ContactBatch batch(sql, t.db->dialect(), {{7, 8000, "connected", false}});
    batch.record_last_contacts(5000);
  });
  auto row = t.db->read([](soci::session& sql) {
    return db::Query("SELECT last_contact_at, last_call_result FROM customers WHERE id = 7").fetch_one(sql, 2);
  });
  EXPECT_EQ(row->i64(0), 9000);
  EXPECT_EQ(row->str(1), "busy");
}

}  // namespace
}  // namespace waihu::crm::store
