#include "pay/records_store.hpp"

#include "db/query.hpp"

namespace waihu::pay::store {

std::vector<DealRecord> deals_by_id(soci::session& sql, const std::vector<long long>& ids) {
  db::Query q;
  q << "SELECT d.id, d.customer_id, d.amount_fen, c.company, d.product, d.sourcing, d.closed_on, s.display_name, "
       "COALESCE(r.display_name, '') FROM deals d JOIN customers c ON c.id = d.customer_id "
       "JOIN users s ON s.id = d.agent_id LEFT JOIN users r ON r.id = d.field_rep_id WHERE d.id IN ("
    << q.bind_list(ids) << ") ORDER BY d.closed_on, d.id";
  std::vector<DealRecord> out;
  for (const auto& r : q.fetch(sql, 9))
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.str(3), r.str(4), r.str(5), r.str(6), r.str(7), r.str(8)});
  return out;
}

std::vector<PaymentRecord> payments_by_id(soci::session& sql, const std::vector<long long>& ids) {
  db::Query q;
  q << "SELECT p.id, p.deal_id, p.amount_fen, p.kind, p.on_date, p.reason, c.company FROM deal_payments p "
       "JOIN deals d ON d.id = p.deal_id JOIN customers c ON c.id = d.customer_id WHERE p.id IN ("
    << q.bind_list(ids) << ") ORDER BY p.on_date, p.id";
  std::vector<PaymentRecord> out;
  for (const auto& r : q.fetch(sql, 7))
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.str(3), r.str(4), r.str(5), r.str(6)});
  return out;
}

std::vector<EntryRecord> entries_by_id(soci::session& sql, const std::vector<long long>& ids) {
  db::Query q;
  q << "SELECT id, fine_fen, bonus_fen, base_days_milli, points, day, item, rule, evidence, source FROM "
       "discipline_entries WHERE id IN ("
    << q.bind_list(ids) << ") ORDER BY day, id";
  std::vector<EntryRecord> out;
  for (const auto& r : q.fetch(sql, 10))
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.i64(3), r.i64(4), r.str(5), r.str(6), r.str(7), r.str(8), r.str(9)});
  return out;
}

std::vector<ClaimRecord> claims_by_id(soci::session& sql, const std::vector<long long>& ids) {
  db::Query q;
  q << "SELECT k.id, k.customer_id, c.company, k.status, k.reason, COALESCE(h.display_name, ''), "
       "COALESCE(a.display_name, '') FROM duplicate_claims k JOIN customers c ON c.id = k.customer_id "
       "LEFT JOIN users h ON h.id = k.holder_id LEFT JOIN users a ON a.id = k.claimant_id WHERE k.id IN ("
    << q.bind_list(ids) << ") ORDER BY k.id";
  std::vector<ClaimRecord> out;
  for (const auto& r : q.fetch(sql, 7))
    out.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6)});
  return out;
}

std::vector<StatementRecord> statements_by_id(soci::session& sql, long long user_id,
                                              const std::vector<long long>& ids) {
  db::Query q;
  q << "SELECT id, net_fen, held_over_fen, month FROM pay_statements WHERE user_id = " << q.bind(user_id)
    << " AND id IN (" << q.bind_list(ids) << ") ORDER BY month";
  std::vector<StatementRecord> out;
  for (const auto& r : q.fetch(sql, 4)) out.push_back({r.i64(0), r.i64(1), r.i64(2), r.str(3)});
  return out;
}

std::vector<InquiryRecord> inquiries_by_id(soci::session& sql, long long user_id, const std::vector<long long>& ids) {
  db::Query q;
  q << "SELECT id, expected_fen, adjustment_fen, month, status, reason, answer FROM pay_inquiries WHERE user_id = "
    << q.bind(user_id) << " AND id IN (" << q.bind_list(ids) << ") ORDER BY id";
  std::vector<InquiryRecord> out;
  for (const auto& r : q.fetch(sql, 7))
    out.push_back({r.i64(0), r.opt_i64(1), r.opt_i64(2), r.str(3), r.str(4), r.str(5), r.str(6)});
  return out;
}

std::vector<RequestRecord> requests_by_id(soci::session& sql, long long user_id, const std::vector<long long>& ids) {
  db::Query q;
  q << "SELECT r.id, r.kind, r.from_day, r.to_day, r.state, COALESCE(r.outcome, ''), COALESCE(d.display_name, '') "
       "FROM staff_requests r LEFT JOIN users d ON d.id = r.decided_by WHERE r.user_id = "
    << q.bind(user_id) << " AND r.id IN (" << q.bind_list(ids) << ") ORDER BY r.id";
  std::vector<RequestRecord> out;
  for (const auto& r : q.fetch(sql, 7))
    out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6)});
  return out;
}

std::vector<LeadRecord> leads_by_id(soci::session& sql, long long user_id, const std::vector<long long>& ids) {
  db::Query q;
  q << "SELECT l.id, l.customer_id, c.company, l.grade, l.found_on, COALESCE(l.visited_on, ''), "
       "COALESCE(l.signed_on, ''), COALESCE(r.display_name, '') FROM lead_signoffs l "
       "JOIN customers c ON c.id = l.customer_id LEFT JOIN users r ON r.id = l.field_rep_id WHERE l.credited_to = "
    << q.bind(user_id) << " AND l.id IN (" << q.bind_list(ids) << ") ORDER BY l.id";
  std::vector<LeadRecord> out;
  for (const auto& r : q.fetch(sql, 8))
    out.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6), r.str(7)});
  return out;
}

}  // namespace waihu::pay::store
