#pragma once
// Idempotent writes (issue 13): a client sends `Idempotency-Key: <its own unique text>` with a POST that records
// something — a call, a follow-up, a deal, a payment. The same key again, from the same user, answers the first
// result and writes nothing, so a retry after a timeout or a double click never records twice. The same key with
// another request is a 409. The router asks a keeper (the store behind it is the composition root's choice).
#include <optional>
#include <string>

namespace waihu::http {

class IdempotencyKeeper {
 public:
  struct Stored {
    int status = 0;
    std::string body;
  };
  enum class Claim {
    kNew,         ///< the key is now held for this request: run it, then finish() or abandon()
    kReplay,      ///< the same request was answered before: `stored` holds that answer
    kMismatch,    ///< the key was used for a different request
    kInProgress,  ///< the same request is running right now
  };
  virtual ~IdempotencyKeeper() = default;
  /// `fingerprint` identifies the request (method, path, body).
  virtual Claim claim(long long user_id, const std::string& key, const std::string& fingerprint, Stored& stored) = 0;
  /// Keeps the answer for replays.
  virtual void finish(long long user_id, const std::string& key, const Stored& answer) = 0;
  /// Lets the key go (the request failed in a way a retry should repeat: 5xx, 429).
  virtual void abandon(long long user_id, const std::string& key) = 0;
};

/// Empty when `key` is a usable Idempotency-Key (1-200 visible ASCII characters), else why not.
std::string idempotency_key_problem(const std::string& key);

/// Whether an answer with this status is kept for replays: successes and the client's own mistakes are final;
/// 5xx, 429 and 401 are worth retrying, so their key is let go.
bool keeps_answer(int status);

}  // namespace waihu::http
