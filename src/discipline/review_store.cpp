#include "discipline/review_store.hpp"

#include "db/query.hpp"

namespace waihu::discipline::store {

void put_review(soci::session& sql, const WeeklyReview& r) {
  db::Query q;
  q << "INSERT INTO weekly_reviews (user_id, week_from, comment, reviewed_by, reviewed_at) VALUES ("
    << q.bind(r.user_id) << ", " << q.bind(r.week_from) << ", " << q.bind(r.comment) << ", " << q.bind(r.reviewed_by)
    << ", " << q.bind(r.reviewed_at)
    << ") ON CONFLICT (user_id, week_from) DO UPDATE SET comment = excluded.comment, reviewed_by = "
       "excluded.reviewed_by, reviewed_at = excluded.reviewed_at";
  q.exec(sql);
}

std::map<long long, WeeklyReview> reviews(soci::session& sql, const std::string& week_from,
                                          const std::vector<long long>& users) {
  std::map<long long, WeeklyReview> out;
  if (users.empty()) return out;
  db::Query q;
  q << "SELECT user_id, week_from, comment, reviewed_by, reviewed_at FROM weekly_reviews WHERE week_from = "
    << q.bind(week_from) << " AND user_id IN (" << q.bind_list(users) << ")";
  for (const auto& r : q.fetch(sql, 5)) out[r.i64(0)] = {r.i64(0), r.str(1), r.str(2), r.i64(3), r.i64(4)};
  return out;
}

}  // namespace waihu::discipline::store
