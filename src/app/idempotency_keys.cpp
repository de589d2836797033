#include "app/idempotency_keys.hpp"

#include "db/query.hpp"

namespace waihu::app {

http::IdempotencyKeeper::Claim IdempotencyKeys::claim(long long user_id, const std::string& key,
                                                      const std::string& fingerprint, Stored& stored) {
  const long long now = clock_.now();
  return db_.write([&](soci::session& sql) {
    db::Query forget("DELETE FROM idempotency_keys WHERE created_at < ");
    forget << forget.bind(now - kKeptSeconds);
    forget.exec(sql);
    db::Query insert("INSERT INTO idempotency_keys (user_id, idem_key, fingerprint, status, created_at) VALUES (");
    insert << insert.bind(user_id) << ", " << insert.bind(key) << ", " << insert.bind(fingerprint) << ", 0, "
           << insert.bind(now) << ") ON CONFLICT DO NOTHING RETURNING user_id";
    if (insert.scalar(sql)) return Claim::kNew;
    db::Query q("SELECT fingerprint, status, response, created_at FROM idempotency_keys WHERE user_id = ");
    q << q.bind(user_id) << " AND idem_key = " << q.bind(key) << db::lock_clause(sql, db::Lock::kForUpdate);
    auto row = q.fetch_one(sql, 4);
    if (!row) return Claim::kInProgress;  // let go between our insert and this read: the client retries
    if (row->str(0) != fingerprint) return Claim::kMismatch;
    if (row->i64(1) == 0) {
      if (row->i64(3) >= now - kAbandonedAfterSeconds) return Claim::kInProgress;
      db::Query take("UPDATE idempotency_keys SET created_at = ");
      take << take.bind(now) << " WHERE user_id = " << take.bind(user_id) << " AND idem_key = " << take.bind(key);
      take.exec(sql);
      return Claim::kNew;
    }
    stored.status = static_cast<int>(row->i64(1));
    stored.body = row->str(2);
    return Claim::kReplay;
  });
}

void IdempotencyKeys::finish(long long user_id, const std::string& key, const Stored& answer) {
  db_.write([&](soci::session& sql) {
    db::Query q("UPDATE idempotency_keys SET status = ");
    q << q.bind(static_cast<long long>(answer.status)) << ", response = " << q.bind(answer.body)
      << " WHERE user_id = " << q.bind(user_id) << " AND idem_key = " << q.bind(key);
    q.exec(sql);
  });
}

void IdempotencyKeys::abandon(long long user_id, const std::string& key) {
  db_.write([&](soci::session& sql) {
    db::Query q("DELETE FROM idempotency_keys WHERE user_id = ");
    q << q.bind(user_id) << " AND idem_key = " << q.bind(key);
    q.exec(sql);
  });
}

}  // namespace waihu::app
