#include "discipline/request_store.hpp"

#include "db/query.hpp"

namespace waihu::discipline::store {

namespace {
const char* kColumns =
    "id, user_id, kind, from_day, to_day, minutes, reason, requested_at, state, decided_by, decided_at, note, outcome, "
    "certificate_name, certificate_type, certificate_file, certificate_bytes";
constexpr size_t kWidth = 17;
StaffRequest from_row(const db::Row& r) {
  StaffRequest s;
  s.id = r.i64(0);
  s.user_id = r.i64(1);
  s.kind = r.str(2);
  s.from = *calendar::LocalDate::parse(r.str(3));
  s.to = *calendar::LocalDate::parse(r.str(4));
  s.minutes = r.i64(5);
  s.reason = r.str(6);
  s.requested_at = r.i64(7);
  s.state = r.str(8);
  s.decided_by = r.opt_i64(9);
  s.decided_at = r.opt_i64(10);
  s.note = r.str(11);
  s.outcome = r.opt_str(12);
  s.certificate_name = r.opt_str(13);
  s.certificate_type = r.opt_str(14);
  s.certificate_file = r.opt_str(15);
  s.certificate_bytes = r.i64(16);
  return s;
}
}  // namespace

long long add_request(soci::session& sql, const StaffRequest& r) {
  db::Query q;
  q << "INSERT INTO staff_requests (user_id, kind, from_day, to_day, minutes, reason, requested_at) VALUES ("
    << q.bind(r.user_id) << ", " << q.bind(r.kind) << ", " << q.bind(r.from.str()) << ", " << q.bind(r.to.str()) << ", "
    << q.bind(r.minutes) << ", " << q.bind(r.reason) << ", " << q.bind(r.requested_at) << ") RETURNING id";
  return *q.scalar(sql);
}

std::optional<StaffRequest> request(soci::session& sql, long long id) {
  db::Query q;
  q << "SELECT " << kColumns << " FROM staff_requests WHERE id = " << q.bind(id);
  auto r = q.fetch_one(sql, kWidth);
  if (!r) return std::nullopt;
  return from_row(*r);
}

bool decide_request(soci::session& sql, long long id, const std::string& state, const std::string& note,
                    std::optional<long long> by, long long at, const std::optional<std::string>& outcome) {
  db::Query q;
  q << "UPDATE staff_requests SET state = " << q.bind(state) << ", note = " << q.bind(note)
    << ", decided_by = " << (by ? q.bind(*by) : "NULL") << ", decided_at = " << q.bind(at)
    << ", outcome = " << (outcome ? q.bind(*outcome) : "outcome") << " WHERE id = " << q.bind(id)
    << " AND state = 'pending'";
  return q.exec_count(sql) > 0;
}

void set_certificate(soci::session& sql, long long id, const std::string& name, const std::string& type,
                     const std::string& file, long long bytes) {
  db::Query q;
  q << "UPDATE staff_requests SET certificate_name = " << q.bind(name) << ", certificate_type = " << q.bind(type)
    << ", certificate_file = " << q.bind(file) << ", certificate_bytes = " << q.bind(bytes)
    << " WHERE id = " << q.bind(id);
  q.exec(sql);
}

std::vector<StaffRequest> requests(soci::session& sql, const RequestFilter& f, std::optional<long long> before,
                                   int limit) {
  db::Query q;
  q << "SELECT " << kColumns << " FROM staff_requests WHERE 1 = 1";
  if (!f.users.empty()) q << " AND user_id IN (" << q.bind_list(f.users) << ")";
  if (f.except_user) q << " AND user_id <> " << q.bind(*f.except_user);
  if (f.state) q << " AND state = " << q.bind(*f.state);
  if (before) q << " AND id < " << q.bind(*before);
  q << " ORDER BY id DESC LIMIT " << std::to_string(limit);
  std::vector<StaffRequest> out;
  for (const auto& r : q.fetch(sql, kWidth)) out.push_back(from_row(r));
  return out;
}

std::vector<StaffRequest> approved_leave_on(soci::session& sql, const calendar::LocalDate& day) {
  db::Query q;
  const std::string d = q.bind(day.str());
  q << "SELECT " << kColumns << " FROM staff_requests WHERE state = 'approved' AND kind IN ('personal', 'sick') "
    << "AND from_day <= " << d << " AND to_day >= " << d << " ORDER BY id";
  std::vector<StaffRequest> out;
  for (const auto& r : q.fetch(sql, kWidth)) out.push_back(from_row(r));
  return out;
}

std::map<long long, long long> visit_minutes_on(soci::session& sql, const calendar::LocalDate& day) {
  db::Query q;
  q << "SELECT user_id, SUM(minutes) FROM staff_requests WHERE state = 'approved' AND kind = 'visit' AND from_day = "
    << q.bind(day.str()) << " GROUP BY user_id";
  std::map<long long, long long> out;
  for (const auto& r : q.fetch(sql, 2)) out[r.i64(0)] = r.i64(1);
  return out;
}

}  // namespace waihu::discipline::store
