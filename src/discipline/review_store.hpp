#pragma once
// The Friday review's comments (migration 022).
#include <soci/soci.h>

#include <map>
#include <string>
#include <vector>

namespace waihu::discipline::store {

struct WeeklyReview {
  long long user_id = 0;
  std::string week_from, comment;
  long long reviewed_by = 0, reviewed_at = 0;
};

/// Writes (or rewrites) a person's comment for a week.
void put_review(soci::session& sql, const WeeklyReview& r);
/// The week's comments of these people, by person.
std::map<long long, WeeklyReview> reviews(soci::session& sql, const std::string& week_from,
                                          const std::vector<long long>& users);

}  // namespace waihu::discipline::store
