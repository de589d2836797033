#pragma once
// Call detail records from the phone system into the store: Asterisk's Master.csv or Waihu's CSV layout, matched
// to agents by extension and to customers by the dialled number, idempotent on the phone system's call id, all
// or nothing unless partial. The customers' last contact and status follow, as for a call an agent logs.
#include <string>
#include <vector>

#include "calls/cdr_report.hpp"
#include "calls/cdr_rules.hpp"
#include "calls/rules.hpp"
#include "crm/phone.hpp"
#include "crm/service.hpp"
#include "db/database.hpp"
#include "kpi/keeper.hpp"
#include "org/model.hpp"
#include "org/service.hpp"
#include "util/clock.hpp"

namespace waihu::calls {

class CdrImporter {
 public:
  /// Keeps the agent-day figures current in the same transactions (the composition root wires it).
  void keep_days(const kpi::DayKeeper& days) { days_ = &days; }
  CdrImporter(db::Database& db, const util::Clock& clock, const crm::PhoneNormalizer& phones,
              crm::CustomerService& customers, org::OrgService& org, EffectiveRuleAt rule_at = {})
      : db_(db), clock_(clock), phones_(phones), customers_(customers), org_(org), rule_at_(std::move(rule_at)) {}

  /// Agents are matched among the users the actor sees. Throws Forbidden without the import right, BadRequest
  /// for whole-file problems (unreadable, empty, unknown time zone, the CSV layout's header) — then nothing is
  /// written.
  CdrImportReport run(const org::Actor& actor, const std::string& path, const CdrImportOptions& options);

 private:
  db::Database& db_;
  const util::Clock& clock_;
  const crm::PhoneNormalizer& phones_;
  crm::CustomerService& customers_;
  org::OrgService& org_;
  EffectiveRuleAt rule_at_;
  const kpi::DayKeeper* days_ = nullptr;
};

}  // namespace waihu::calls
