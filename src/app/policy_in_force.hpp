#pragma once
// The policy the rules read on a given day: the published version in force then, parsed once per version. Before
// any version is published, the `preset-a` preset built into the binary (version 0) — `waihu init` publishes it,
// so a company sees in its rule book what it runs by. Versions published by another process (`waihu policy
// apply`) are seen within half a minute. Thread-safe.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/company_policy.hpp"
#include "calendar/company_time.hpp"
#include "policy/service.hpp"

namespace waihu::app {

struct PolicyVersion {
  long long version = 0;  ///< 0: the built-in preset
  std::shared_ptr<const CompanyPolicy> policy;
};

class PoliciesInForce {
 public:
  PoliciesInForce(db::Database& db, calendar::CompanyTime& time) : db_(db), time_(time) {}
  PolicyVersion at(const calendar::LocalDate& day);
  PolicyVersion today() { return at(time_.today()); }
  /// Forgets what it knows (a version was published) and sets the company's zone from the policy of today.
  void reload();
  /// The built-in preset's text (policies/preset-a.toml).
  static const std::string& builtin_text();

 private:
  struct Known {
    long long id;
    calendar::LocalDate from;
  };
  void refresh_locked(long long now);
  db::Database& db_;
  calendar::CompanyTime& time_;
  std::mutex mutex_;
  std::vector<Known> published_;  // by effective date, then id
  long long loaded_at_ = -1;
  std::map<long long, std::shared_ptr<const CompanyPolicy>> parsed_;
};

}  // namespace waihu::app
