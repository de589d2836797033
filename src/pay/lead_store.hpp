#pragma once
// Signed A/B leads as the payroll reads them (migration 027, written by crm's lead sign-offs): the ones a run of a
// month may pay, and the mark its close leaves on those it paid.
#include <soci/soci.h>

#include <string>
#include <vector>

namespace waihu::pay::store {

struct SignedLead {
  long long id = 0, user_id = 0;  ///< the sign-off; whom it credits
  std::string grade;              ///< "A" | "B"
  std::string found_month, signed_month;
};

/// Signed leads not yet paid by a closed month (or paid by `month` itself), oldest first; the plan decides whether
/// their found or signed month has come.
std::vector<SignedLead> signed_leads_due(soci::session& sql, const std::string& month);
/// Marks the leads the month's `lead_bonus` lines name as paid by it (its close).
void mark_leads_paid(soci::session& sql, const std::string& month);

}  // namespace waihu::pay::store
