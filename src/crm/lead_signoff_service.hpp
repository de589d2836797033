#pragma once
// A/B lead sign-offs (SPEC §2, seed 004): a lead graded A or B earns its finder the lead bonus only once a field rep
// has visited it and signed it off. The customer's owner (or their supervisor) asks a named field rep; the rep — and
// only that rep — signs, with the day of the visit, or declines with a reason. A customer has one live request or
// sign-off at a time; a declined one may be asked again. The payroll reads the signed ones (pay/records_store).
#include <optional>
#include <string>
#include <vector>

#include "calendar/company_time.hpp"
#include "core/page.hpp"
#include "crm/lead_signoff_store.hpp"
#include "crm/service.hpp"
#include "db/database.hpp"
#include "org/service.hpp"

namespace waihu::crm {

struct FieldRep {
  long long id = 0;
  std::string name, team;
};

class LeadSignOffs {
 public:
  LeadSignOffs(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org, CustomerService& customers)
      : db_(db), time_(time), org_(org), customers_(customers) {}

  /// The owner (or anyone who may change the customer) asks `field_rep_id` to sign off the customer's A/B grade,
  /// credited to the customer's owner. Audited.
  store::SignOffRow request(const org::Actor& actor, long long customer_id, long long field_rep_id);
  /// The named field rep answers: "signed" with the day of the visit (not before the customer was found, not in the
  /// future), or "declined" with a reason in `note`. Audited.
  store::SignOffRow answer(const org::Actor& actor, long long id, const std::string& decision,
                           const std::string& visited_on, const std::string& note);
  /// Newest first: those naming the reader as field rep, and those credited to people in the reader's scope.
  Page<store::SignOffRow> list(const org::Actor& actor, const std::string& status, const std::string& cursor,
                               int limit);
  /// The customer's live request or sign-off, for whoever may read the customer.
  std::optional<store::SignOffRow> of_customer(const org::Actor& actor, long long customer_id);
  /// The field reps a request may name (working ones, by name).
  std::vector<FieldRep> field_reps();

 private:
  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
  CustomerService& customers_;
};

}  // namespace waihu::crm
