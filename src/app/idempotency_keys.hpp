#pragma once
// Where the router keeps Idempotency-Key answers (http/idempotency.hpp): the idempotency_keys table, a day long.
// A request still running holds its key with status 0; one that never finished (the server died) gives it up
// after two minutes.
#include "db/database.hpp"
#include "http/idempotency.hpp"
#include "util/clock.hpp"

namespace waihu::app {

class IdempotencyKeys final : public http::IdempotencyKeeper {
 public:
  IdempotencyKeys(db::Database& db, const util::Clock& clock) : db_(db), clock_(clock) {}
  Claim claim(long long user_id, const std::string& key, const std::string& fingerprint, Stored& stored) override;
  void finish(long long user_id, const std::string& key, const Stored& answer) override;
  void abandon(long long user_id, const std::string& key) override;

  static constexpr long long kKeptSeconds = 24 * 3600;
  static constexpr long long kAbandonedAfterSeconds = 120;

 private:
  db::Database& db_;
  const util::Clock& clock_;
};

}  // namespace waihu::app
