#pragma once
// Fabricated records (虚报, seed 000 "虚报一经查实一次扣除50元罚款"): a supervisor who finds on audit that a call or a
// follow-up was made up marks it with a reason. The record stays for the audit trail but counts in no figure from
// then on (its agent's day is recounted); the policy's [fabrication] fine is a ledger row on the day it was found —
// a closed day's quota results stay as they were closed.
#include <optional>
#include <string>

#include "discipline/closing.hpp"
#include "discipline/store.hpp"
#include "kpi/keeper.hpp"
#include "org/service.hpp"

namespace waihu::discipline {

enum class RecordKind { kCall, kFollowUp };

struct FabricationResult {
  long long record_id = 0, agent_id = 0;
  std::optional<store::EntryRow> entry;  ///< none when the policy in force sets no cost
};

class FabricationService {
 public:
  FabricationService(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org,
                     const kpi::DayKeeper& days, RulesAt rules)
      : db_(db), time_(time), org_(org), days_(days), rules_(std::move(rules)) {}
  /// Needs enter_points and the record's agent in scope (never one's own record); Conflict when marked already.
  FabricationResult mark(const org::Actor& actor, RecordKind kind, long long id, const std::string& reason);

 private:
  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
  const kpi::DayKeeper& days_;
  RulesAt rules_;
};

}  // namespace waihu::discipline
