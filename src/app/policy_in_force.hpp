#pragma once
// The policy the rules read on a given day: the published version in force then, parsed once per version. Before
// any version is published, the `preset-a` preset built into the binary (version 0) — `waihu init` publishes it,
// so a company sees in its rule book what it runs by.
//
// at() never touches the database: it is called inside other transactions (a call being logged, an agent's day
// being recounted), and waiting there for a connection of its own could starve the pool. reload() reads the
// published versions — after a publish, at start, and every half minute in a running server (versions published
// by another process, `waihu policy apply`). Thread-safe.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/company_policy.hpp"
#include "calendar/company_time.hpp"
#include "db/database.hpp"

namespace waihu::app {

struct PolicyVersion {
  long long version = 0;  ///< 0: the built-in preset
  std::shared_ptr<const CompanyPolicy> policy;
};

class PoliciesInForce {
 public:
  PoliciesInForce(db::Database& db, calendar::CompanyTime& time) : db_(db), time_(time) {}
  PolicyVersion at(const calendar::LocalDate& day) const;
  PolicyVersion today() const { return at(time_.today()); }
  /// Reads the published versions (parsing the new ones) and sets the company's zone from the policy of today.
  /// Call it holding no database session.
  void reload();
  /// The built-in preset's text (policies/preset-a.toml).
  static const std::string& builtin_text();
  /// A preset built into the binary by name ("preset-b" → policies/preset-b.toml).
  static std::optional<std::string> preset_text(std::string_view name);

 private:
  struct Known {
    long long id;
    calendar::LocalDate from;
    std::shared_ptr<const CompanyPolicy> policy;
  };
  db::Database& db_;
  calendar::CompanyTime& time_;
  mutable std::mutex mutex_;
  std::vector<Known> published_;  // by effective date, then id
  std::shared_ptr<const CompanyPolicy> builtin_;
};

}  // namespace waihu::app
