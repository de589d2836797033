#pragma once
// Recording deals and the payments and refunds against them. A deal moves its customer to won in the same
// transaction; a refund never exceeds what was paid. Scopes as for customers and calls.
#include <optional>
#include <string>
#include <vector>

#include "calendar/company_time.hpp"
#include "core/page.hpp"
#include "crm/service.hpp"
#include "db/database.hpp"
#include "kpi/keeper.hpp"
#include "org/model.hpp"
#include "org/service.hpp"
#include "sales/model.hpp"
#include "sales/rules.hpp"

namespace waihu::sales {

struct NewDeal {
  long long customer_id = 0;
  std::optional<long long> agent_id;  ///< absent: the actor
  std::optional<long long> field_rep_id;
  Sourcing sourcing = Sourcing::kSelf;
  std::string product;
  long long amount_fen = 0;
  std::string closed_on;  ///< "YYYY-MM-DD"; absent: today (China)
  std::string notes;
};

struct DealView {
  Deal deal;
  std::vector<Payment> payments;
  DealTotals totals;
};

class DealService {
 public:
  /// Keeps the agent-day figures current in the same transactions (the composition root wires it).
  void keep_days(const kpi::DayKeeper& days) { days_ = &days; }
  DealService(db::Database& db, const calendar::CompanyTime& time, crm::CustomerService& customers,
              org::OrgService& org)
      : db_(db), time_(time), customers_(customers), org_(org) {}

  /// Throws NotFound (customer outside scope), Forbidden (read-only customer), BadRequest (field named).
  DealView create(const org::Actor& actor, const NewDeal& in);
  DealView get(const org::Actor& actor, long long id);
  Page<Deal> list(const org::Actor& actor, const DealFilter& f, const std::string& cursor, int limit);
  /// A payment (回款) or a refund against a deal. A refund needs a reason and may not exceed the net paid; a
  /// payment may not take the net paid above the deal's amount (RuleViolation naming the amounts).
  DealView add_payment(const org::Actor& actor, long long deal_id, PaymentKind kind, long long amount_fen,
                       const std::string& on_date, const std::string& reason);
  /// Corrects a deal's amount (supervisors and above, the deal in their scope), with a reason, audited with before
  /// and after. Never below what has been paid (RuleViolation). The only way a deal's amount changes.
  DealView correct_amount(const org::Actor& actor, long long deal_id, long long amount_fen, const std::string& reason);
  /// Deals and payments by id, unscoped: for a read model whose caller has checked the customer's scope.
  std::vector<Deal> deals_by_ids(const std::vector<long long>& ids);
  std::vector<Payment> payments_by_ids(const std::vector<long long>& ids);

 private:
  Deal visible_deal(const org::Actor& actor, long long id);
  db::Database& db_;
  const calendar::CompanyTime& time_;
  crm::CustomerService& customers_;
  org::OrgService& org_;
  const kpi::DayKeeper* days_ = nullptr;
};

}  // namespace waihu::sales
