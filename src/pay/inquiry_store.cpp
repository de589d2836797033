#include "pay/inquiry_store.hpp"

#include "db/query.hpp"
#include "pay/store.hpp"

namespace waihu::pay::store {

namespace {
const char* kColumns =
    "id, user_id, month, line_code, line_rule, line_amount_fen, expected_fen, reason, raised_at, status, answer, "
    "adjustment_fen, answered_by, answered_at, paid_month";
constexpr size_t kColumnCount = 15;
InquiryRow from_row(const db::Row& r) {
  InquiryRow i;
  i.id = r.i64(0);
  i.user_id = r.i64(1);
  i.month = r.str(2);
  i.line_code = r.str(3);
  i.line_rule = r.str(4);
  i.line_amount_fen = r.opt_i64(5);
  i.expected_fen = r.opt_i64(6);
  i.reason = r.str(7);
  i.raised_at = r.i64(8);
  i.status = r.str(9);
  i.answer = r.str(10);
  i.adjustment_fen = r.opt_i64(11);
  i.answered_by = r.opt_i64(12);
  i.answered_at = r.opt_i64(13);
  if (!r.is_null(14)) i.paid_month = r.str(14);
  return i;
}
std::string optional(db::Query& q, const std::optional<long long>& v) { return v ? q.bind(*v) : "NULL"; }
}  // namespace

long long add_inquiry(soci::session& sql, const InquiryRow& r) {
  db::Query q;
  q << "INSERT INTO pay_inquiries (user_id, month, line_code, line_rule, line_amount_fen, expected_fen, reason, "
       "raised_at, status) VALUES ("
    << q.bind(r.user_id) << ", " << q.bind(r.month) << ", " << q.bind(r.line_code) << ", " << q.bind(r.line_rule)
    << ", " << optional(q, r.line_amount_fen) << ", " << optional(q, r.expected_fen) << ", " << q.bind(r.reason) << ", "
    << q.bind(r.raised_at) << ", 'open') RETURNING id";
  return *q.scalar(sql);
}

std::optional<InquiryRow> inquiry(soci::session& sql, long long id) {
  db::Query q;
  q << "SELECT " << kColumns << " FROM pay_inquiries WHERE id = " << q.bind(id);
  auto r = q.fetch_one(sql, kColumnCount);
  if (!r) return std::nullopt;
  return from_row(*r);
}

bool answer_inquiry(soci::session& sql, long long id, const std::string& status, const std::string& answer,
                    std::optional<long long> adjustment_fen, long long by, long long at) {
  db::Query q;
  q << "UPDATE pay_inquiries SET status = " << q.bind(status) << ", answer = " << q.bind(answer)
    << ", adjustment_fen = " << optional(q, adjustment_fen) << ", answered_by = " << q.bind(by)
    << ", answered_at = " << q.bind(at) << " WHERE id = " << q.bind(id) << " AND status = 'open'";
  return q.exec_count(sql) == 1;
}

std::vector<InquiryRow> inquiries(soci::session& sql, const std::vector<long long>& users, bool all_users,
                                  const std::string& status, long long before_id, int limit) {
  std::vector<InquiryRow> out;
  if (!all_users && users.empty()) return out;
  db::Query q;
  q << "SELECT " << kColumns << " FROM pay_inquiries WHERE 1 = 1";
  if (!all_users) q << " AND user_id IN (" << q.bind_list(users) << ")";
  if (!status.empty()) q << " AND status = " << q.bind(status);
  if (before_id > 0) q << " AND id < " << q.bind(before_id);
  q << " ORDER BY id DESC LIMIT " << q.bind(static_cast<long long>(limit));
  for (const auto& r : q.fetch(sql, kColumnCount)) out.push_back(from_row(r));
  return out;
}

std::vector<InquiryRow> inquiries_of(soci::session& sql, long long user_id, const std::string& month) {
  db::Query q;
  q << "SELECT " << kColumns << " FROM pay_inquiries WHERE user_id = " << q.bind(user_id)
    << " AND month = " << q.bind(month) << " ORDER BY id";
  std::vector<InquiryRow> out;
  for (const auto& r : q.fetch(sql, kColumnCount)) out.push_back(from_row(r));
  return out;
}

std::vector<InquiryRow> adjustments_due(soci::session& sql, const std::string& month) {
  db::Query q;
  q << "SELECT " << kColumns << " FROM pay_inquiries WHERE status = 'accepted' AND month <= " << q.bind(month)
    << " AND (paid_month IS NULL OR paid_month = " << q.bind(month) << ") ORDER BY id";
  std::vector<InquiryRow> out;
  for (const auto& r : q.fetch(sql, kColumnCount)) out.push_back(from_row(r));
  return out;
}

void mark_adjustments_paid(soci::session& sql, const std::string& month) {
  // Exactly those the month's statements carry (an inquiry accepted after the last run waits for a later month).
  const std::vector<long long> ids = sourced_ids(sql, month, "adjustment", "inquiries");
  if (ids.empty()) return;
  db::Query q;
  q << "UPDATE pay_inquiries SET paid_month = " << q.bind(month) << " WHERE id IN (" << q.bind_list(ids) << ")";
  q.exec(sql);
}

}  // namespace waihu::pay::store
