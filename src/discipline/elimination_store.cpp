#include "discipline/elimination_store.hpp"

#include "db/query.hpp"

namespace waihu::discipline::store {

namespace {
const char* kColumns =
    "id, user_id, month, metric, value, company_rank, people, reasons, proposes, policy_version, created_at, decision, "
    "note, decided_by, decided_at";
WarningRow from_row(const db::Row& r) {
  WarningRow w;
  w.id = r.i64(0);
  w.user_id = r.i64(1);
  w.month = r.str(2);
  w.metric = r.str(3);
  w.value = r.i64(4);
  w.company_rank = r.i64(5);
  w.people = r.i64(6);
  w.reasons = r.str(7);
  w.proposes = r.str(8);
  w.policy_version = r.i64(9);
  w.created_at = r.i64(10);
  if (!r.is_null(11)) w.decision = r.str(11);
  w.note = r.str(12);
  w.decided_by = r.opt_i64(13);
  w.decided_at = r.opt_i64(14);
  return w;
}
}  // namespace

void add_warning(soci::session& sql, const WarningRow& w) {
  db::Query q;
  q << "INSERT INTO elimination_warnings (user_id, month, metric, value, company_rank, people, reasons, proposes, "
       "policy_version, created_at) VALUES ("
    << q.bind(w.user_id) << ", " << q.bind(w.month) << ", " << q.bind(w.metric) << ", " << q.bind(w.value) << ", "
    << q.bind(w.company_rank) << ", " << q.bind(w.people) << ", " << q.bind(w.reasons) << ", " << q.bind(w.proposes)
    << ", " << q.bind(w.policy_version) << ", " << q.bind(w.created_at) << ") ON CONFLICT DO NOTHING";
  q.exec(sql);
}

std::optional<WarningRow> warning(soci::session& sql, long long id) {
  db::Query q;
  q << "SELECT " << kColumns << " FROM elimination_warnings WHERE id = " << q.bind(id);
  auto r = q.fetch_one(sql, 15);
  if (!r) return std::nullopt;
  return from_row(*r);
}

bool decide_warning(soci::session& sql, long long id, const std::string& decision, const std::string& note,
                    long long by, long long at) {
  db::Query q;
  q << "UPDATE elimination_warnings SET decision = " << q.bind(decision) << ", note = " << q.bind(note)
    << ", decided_by = " << q.bind(by) << ", decided_at = " << q.bind(at) << " WHERE id = " << q.bind(id)
    << " AND decision IS NULL";
  return q.exec_count(sql) == 1;
}

std::vector<WarningRow> warnings(soci::session& sql, const WarningFilter& f, long long after_id, int limit) {
  db::Query q;
  q << "SELECT " << kColumns << " FROM elimination_warnings WHERE id > " << q.bind(after_id);
  if (f.month) q << " AND month = " << q.bind(*f.month);
  if (f.open) q << (*f.open ? " AND decision IS NULL" : " AND decision IS NOT NULL");
  if (f.user_id) {
    q << " AND user_id = " << q.bind(*f.user_id);
  } else if (!f.all) {
    q << " AND user_id IN (SELECT id FROM users WHERE team_id IN (" << q.bind_list(f.team_ids) << "))";
  }
  q << " ORDER BY id LIMIT " << std::to_string(limit);
  std::vector<WarningRow> out;
  for (const auto& r : q.fetch(sql, 15)) out.push_back(from_row(r));
  return out;
}

}  // namespace waihu::discipline::store
