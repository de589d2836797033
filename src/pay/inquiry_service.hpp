#pragma once
// Inquiries about pay (issue 16): an employee questions a line of their own statement (or the whole of it) with the
// amount they expected and why; a manager answers — rejected, or accepted with an adjustment that the next open
// month's run pays as an `adjustment` line naming what it corrects. The history stays with the statement.
#include <optional>
#include <string>

#include "calendar/company_time.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "org/service.hpp"
#include "pay/inquiry_store.hpp"

namespace waihu::pay {

struct InquiryView {
  store::InquiryRow row;
  std::string name;  ///< the employee's
};

class PayInquiries {
 public:
  PayInquiries(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org)
      : db_(db), time_(time), org_(org) {}

  /// The employee questions their own statement: line `line` (from 1; none: the whole statement). Audited.
  InquiryView raise(const org::Actor& actor, long long statement_id, std::optional<long long> line,
                    std::optional<long long> expected_fen, const std::string& reason);
  /// Newest first: one's own; supervisors and up, everyone's in their scope. `status` empty: any.
  Page<InquiryView> list(const org::Actor& actor, const std::string& status, const std::string& cursor, int limit);
  /// A manager (managers, the director, admins; the person in scope) answers an open inquiry: "accepted" with an
  /// adjustment in fen (not 0), or "rejected". Audited.
  InquiryView answer(const org::Actor& actor, long long id, const std::string& decision, const std::string& answer,
                     std::optional<long long> adjustment_fen);

 private:
  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
};

}  // namespace waihu::pay
