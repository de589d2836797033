#pragma once
// The month-end elimination list (migration 019).
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace waihu::discipline::store {

struct WarningRow {
  long long id = 0, user_id = 0;
  std::string month, metric;
  long long value = 0, company_rank = 0, people = 0;
  std::string reasons;   ///< JSON
  std::string proposes;  ///< warning, elimination
  long long policy_version = 0, created_at = 0;
  std::optional<std::string> decision;  ///< warning, elimination, overridden
  std::string note;
  std::optional<long long> decided_by, decided_at;
};

/// Adds a person's row for a month unless there is one.
void add_warning(soci::session& sql, const WarningRow& w);
std::optional<WarningRow> warning(soci::session& sql, long long id);
bool decide_warning(soci::session& sql, long long id, const std::string& decision, const std::string& note,
                    long long by, long long at);

struct WarningFilter {
  std::optional<std::string> month;
  std::optional<bool> open;          ///< undecided only, or decided only
  bool all = false;                  ///< everyone (admins, the director)
  std::vector<long long> team_ids;   ///< people in these teams
  std::optional<long long> user_id;  ///< one person's own
};
/// By id ascending after `after_id`.
std::vector<WarningRow> warnings(soci::session& sql, const WarningFilter& f, long long after_id, int limit);

}  // namespace waihu::discipline::store
