#include "crm/lead_signoff_store.hpp"

#include "db/query.hpp"

namespace waihu::crm::store {

namespace {
const char* kColumns =
    "l.id, l.customer_id, l.grade, l.credited_to, l.found_on, l.field_rep_id, l.requested_at, l.status, l.visited_on, "
    "l.note, l.answered_at, l.signed_on, l.paid_month, c.company, o.display_name, r.display_name";
constexpr size_t kColumnCount = 16;
const char* kFrom =
    " FROM lead_signoffs l JOIN customers c ON c.id = l.customer_id JOIN users o ON o.id = l.credited_to"
    " JOIN users r ON r.id = l.field_rep_id";
std::optional<std::string> opt_str(const db::Row& r, size_t i) {
  return r.is_null(i) ? std::nullopt : std::optional<std::string>(r.str(i));
}
SignOffRow from_row(const db::Row& r) {
  SignOffRow s;
  s.id = r.i64(0);
  s.customer_id = r.i64(1);
  s.grade = r.str(2);
  s.credited_to = r.i64(3);
  s.found_on = r.str(4);
  s.field_rep_id = r.i64(5);
  s.requested_at = r.i64(6);
  s.status = r.str(7);
  s.visited_on = opt_str(r, 8);
  s.note = r.str(9);
  s.answered_at = r.opt_i64(10);
  s.signed_on = opt_str(r, 11);
  s.paid_month = opt_str(r, 12);
  s.company = r.str(13);
  s.credited_name = r.str(14);
  s.field_rep_name = r.str(15);
  return s;
}
std::string optional(db::Query& q, const std::optional<std::string>& v) { return v ? q.bind(*v) : "NULL"; }
}  // namespace

long long add_signoff(soci::session& sql, const SignOffRow& r) {
  db::Query q;
  q << "INSERT INTO lead_signoffs (customer_id, grade, credited_to, found_on, field_rep_id, requested_at, status) "
       "VALUES ("
    << q.bind(r.customer_id) << ", " << q.bind(r.grade) << ", " << q.bind(r.credited_to) << ", " << q.bind(r.found_on)
    << ", " << q.bind(r.field_rep_id) << ", " << q.bind(r.requested_at) << ", 'requested') RETURNING id";
  return *q.scalar(sql);
}

std::optional<SignOffRow> signoff(soci::session& sql, long long id) {
  db::Query q;
  q << "SELECT " << kColumns << kFrom << " WHERE l.id = " << q.bind(id);
  auto r = q.fetch_one(sql, kColumnCount);
  if (!r) return std::nullopt;
  return from_row(*r);
}

std::optional<SignOffRow> live_signoff_of(soci::session& sql, long long customer_id) {
  db::Query q;
  q << "SELECT " << kColumns << kFrom << " WHERE l.customer_id = " << q.bind(customer_id)
    << " AND l.status <> 'declined'";
  auto r = q.fetch_one(sql, kColumnCount);
  if (!r) return std::nullopt;
  return from_row(*r);
}

bool answer_signoff(soci::session& sql, long long id, const std::string& status,
                    const std::optional<std::string>& visited_on, const std::string& note, long long at,
                    const std::optional<std::string>& signed_on) {
  db::Query q;
  q << "UPDATE lead_signoffs SET status = " << q.bind(status) << ", visited_on = " << optional(q, visited_on)
    << ", note = " << q.bind(note) << ", answered_at = " << q.bind(at) << ", signed_on = " << optional(q, signed_on)
    << " WHERE id = " << q.bind(id) << " AND status = 'requested'";
  return q.exec_count(sql) == 1;
}

std::vector<SignOffRow> signoffs(soci::session& sql, std::optional<long long> field_rep,
                                 const std::vector<long long>& credited, bool all, const std::string& status,
                                 long long before_id, int limit) {
  db::Query q;
  q << "SELECT " << kColumns << kFrom << " WHERE 1 = 1";
  if (!all) {
    q << " AND (";
    if (field_rep)
      q << "l.field_rep_id = " << q.bind(*field_rep);
    else
      q << "1 = 0";
    if (!credited.empty()) q << " OR l.credited_to IN (" << q.bind_list(credited) << ")";
    q << ")";
  }
  if (!status.empty()) q << " AND l.status = " << q.bind(status);
  if (before_id > 0) q << " AND l.id < " << q.bind(before_id);
  q << " ORDER BY l.id DESC LIMIT " << q.bind(static_cast<long long>(limit));
  std::vector<SignOffRow> out;
  for (const auto& r : q.fetch(sql, kColumnCount)) out.push_back(from_row(r));
  return out;
}

}  // namespace waihu::crm::store
