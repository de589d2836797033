#pragma once
// Deals and their payments from the sheets sales assistants and finance keep (成交登记表, 回款表): matched to the
// customer by phone or id and to the agent by username or extension, idempotent on the contract number (or the
// row's own values), all or nothing unless partial. Each new deal moves its customer to won, as one typed in.
#include <string>

#include "calendar/company_time.hpp"
#include "crm/phone.hpp"
#include "crm/service.hpp"
#include "db/database.hpp"
#include "kpi/keeper.hpp"
#include "org/model.hpp"
#include "org/service.hpp"
#include "sales/deal_report.hpp"

namespace waihu::sales {

class DealImporter {
 public:
  /// Keeps the agent-day figures current in the same transactions (the composition root wires it).
  void keep_days(const kpi::DayKeeper& days) { days_ = &days; }
  DealImporter(db::Database& db, const calendar::CompanyTime& time, const crm::PhoneNormalizer& phones,
               crm::CustomerService& customers, org::OrgService& org)
      : db_(db), time_(time), phones_(phones), customers_(customers), org_(org) {}

  /// Throws Forbidden without the import right, BadRequest for whole-file problems (unreadable, empty, the
  /// header) — then nothing is written.
  DealImportReport run(const org::Actor& actor, const std::string& path, const DealImportOptions& options);

 private:
  db::Database& db_;
  const calendar::CompanyTime& time_;
  const crm::PhoneNormalizer& phones_;
  crm::CustomerService& customers_;
  org::OrgService& org_;
  const kpi::DayKeeper* days_ = nullptr;
};

}  // namespace waihu::sales
