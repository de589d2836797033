#pragma once
// 末位淘汰 as people work it: the month's close writes the list (write_elimination_list); managers confirm each
// person's warning or elimination, or override it with a reason; supervisors see their teams' list; a person sees
// what was decided about them.
#include <optional>
#include <string>
#include <unordered_map>

#include "core/page.hpp"
#include "discipline/closing.hpp"
#include "discipline/elimination_model.hpp"
#include "discipline/elimination_store.hpp"
#include "org/service.hpp"

namespace waihu::discipline {

/// Ranks the month's people by the section's metric and writes a row for everyone a rule catches (once: a row
/// already there stays). Returns how many were listed.
long long write_elimination_list(soci::session& sql, const EliminationPolicy& p, const calendar::Month& month,
                                 long long policy_version, long long now);

struct WarningView {
  store::WarningRow w;
  std::unordered_map<long long, org::PersonName> names;
};

class EliminationService {
 public:
  EliminationService(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org)
      : db_(db), time_(time), org_(org) {}
  /// `open`: undecided (managers and supervisors only) or decided; `month` narrows.
  Page<WarningView> list(const org::Actor& actor, const std::optional<std::string>& month, bool open,
                         const std::string& cursor, int limit);
  /// warning, elimination or overridden; a note is required unless confirming what was proposed. Once.
  WarningView decide(const org::Actor& actor, long long id, const std::string& decision, const std::string& note);

 private:
  WarningView view(store::WarningRow w);
  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
};

}  // namespace waihu::discipline
