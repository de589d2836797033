#include "discipline/shortfall_store.hpp"

#include "db/query.hpp"

namespace waihu::discipline::store {

bool add_mark(soci::session& sql, const ShortfallMark& m) {
  db::Query q;
  q << "INSERT INTO shortfall_marks (user_id, day, kind, marked_by, marked_at, note) VALUES (" << q.bind(m.user_id)
    << ", " << q.bind(m.day) << ", " << q.bind(m.kind) << ", " << q.bind(m.marked_by) << ", " << q.bind(m.marked_at)
    << ", " << q.bind(m.note) << ") ON CONFLICT DO NOTHING";
  return q.exec_count(sql) == 1;
}

std::map<std::pair<long long, std::string>, ShortfallMark> marks(soci::session& sql, const std::string& kind,
                                                                 const std::vector<std::string>& days) {
  std::map<std::pair<long long, std::string>, ShortfallMark> out;
  if (days.empty()) return out;
  db::Query q;
  q << "SELECT user_id, day, kind, marked_by, marked_at, note FROM shortfall_marks WHERE kind = " << q.bind(kind)
    << " AND day IN (";
  for (size_t i = 0; i < days.size(); ++i) q << (i ? ", " : "") << q.bind(days[i]);
  q << ")";
  for (const auto& r : q.fetch(sql, 6)) {
    ShortfallMark m{r.i64(0), r.str(1), r.str(2), r.i64(3), r.i64(4), r.str(5)};
    out[{m.user_id, m.day}] = m;
  }
  return out;
}

bool add_approval(soci::session& sql, const CountApproval& a) {
  db::Query q;
  q << "INSERT INTO count_approvals (team_id, day, short_count, approved_by, approved_at, note) VALUES ("
    << q.bind(a.team_id) << ", " << q.bind(a.day) << ", " << q.bind(a.short_count) << ", " << q.bind(a.approved_by)
    << ", " << q.bind(a.approved_at) << ", " << q.bind(a.note) << ") ON CONFLICT DO NOTHING";
  return q.exec_count(sql) == 1;
}

std::map<long long, CountApproval> approvals(soci::session& sql, const std::string& day) {
  std::map<long long, CountApproval> out;
  db::Query q;
  q << "SELECT team_id, day, short_count, approved_by, approved_at, note FROM count_approvals WHERE day = "
    << q.bind(day);
  for (const auto& r : q.fetch(sql, 6)) out[r.i64(0)] = {r.i64(0), r.str(1), r.i64(2), r.i64(3), r.i64(4), r.str(5)};
  return out;
}

}  // namespace waihu::discipline::store
