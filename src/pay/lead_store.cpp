#include "pay/lead_store.hpp"

#include "db/query.hpp"
#include "pay/store.hpp"

namespace waihu::pay::store {

std::vector<SignedLead> signed_leads_due(soci::session& sql, const std::string& month) {
  db::Query q;
  q << "SELECT id, credited_to, grade, found_on, signed_on FROM lead_signoffs WHERE status = 'signed'"
    << " AND (paid_month IS NULL OR paid_month = " << q.bind(month) << ") ORDER BY id";
  std::vector<SignedLead> out;
  for (const auto& r : q.fetch(sql, 5))
    out.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3).substr(0, 7), r.str(4).substr(0, 7)});
  return out;
}

void mark_leads_paid(soci::session& sql, const std::string& month) {
  // Exactly those the month's statements carry (a lead signed after the last run waits for a later month).
  const std::vector<long long> ids = sourced_ids(sql, month, "lead_bonus", "lead_signoffs");
  if (ids.empty()) return;
  db::Query q;
  q << "UPDATE lead_signoffs SET paid_month = " << q.bind(month) << " WHERE id IN (" << q.bind_list(ids) << ")";
  q.exec(sql);
}

}  // namespace waihu::pay::store
