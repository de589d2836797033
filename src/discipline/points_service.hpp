#pragma once
// The points ledger as people work it (绩效分): supervisors enter catalogue items for people in their scope, with a
// reason; an item marked for dismissal raises a case for a manager instead; the person an entry is about may object
// to it once, within the policy's window, and a manager above decides — a withdrawn entry is undone by a correction
// entry that names it (in the entry's month while that is open, else in the current one).
#include <optional>
#include <string>
#include <vector>

#include "discipline/month_closing.hpp"
#include "discipline/store.hpp"
#include "org/service.hpp"

namespace waihu::discipline {

/// The catalogue in force on a day, and the month's rules.
struct Catalogue {
  calendar::LocalDate day;
  long long policy_version = 0;
  std::optional<PointsPolicy> points;  ///< none: the policy keeps no points ledger
  std::vector<std::string> automatic;  ///< catalogue items a closing run writes (a missing report), not entered by hand
};

struct PointsInput {
  long long user_id = 0;
  calendar::LocalDate day;
  std::string item, reason, evidence;
  bool serious = false;  ///< for an if_serious item: raise a dismissal case instead of the points
};
struct PointsResult {
  std::optional<store::EntryRow> entry;
  std::optional<store::DismissalCase> dismissal_case;
};

/// A row of a list with the names of the people it concerns.
struct Named {
  std::string user_name, entered_by_name, decided_by_name;
};
struct ObjectionItem {
  store::ObjectionRow row;
  Named names;
};
struct CaseItem {
  store::DismissalCase c;
  Named names;
};
template <typename T>
struct Listed {
  std::vector<T> items;
  std::optional<std::string> next_cursor;
};

class PointsService {
 public:
  PointsService(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org, RulesAt rules)
      : db_(db), time_(time), org_(org), rules_(std::move(rules)) {}
  Catalogue catalogue(const calendar::LocalDate& day);
  /// Enters a catalogue item for someone in the actor's scope (not oneself). Needs enter_points.
  PointsResult enter(const org::Actor& actor, const PointsInput& in);
  /// The person an entry is about objects to it, once, within the policy's window.
  store::EntryRow object(const org::Actor& actor, long long entry_id, const std::string& reason);
  /// Open (or decided) objections of people in the actor's scope. Needs decide_objections.
  Listed<ObjectionItem> objections(const org::Actor& actor, bool open, const std::string& cursor, int limit);
  /// "upheld" or "withdrawn" (a correction entry undoes it). Not by the person who entered it, nor its subject.
  store::EntryRow decide_objection(const org::Actor& actor, long long entry_id, const std::string& decision,
                                   const std::string& note);
  Listed<CaseItem> cases(const org::Actor& actor, bool open, const std::string& cursor, int limit);
  store::DismissalCase decide_case(const org::Actor& actor, long long id, const std::string& decision,
                                   const std::string& note);

 private:
  std::map<long long, std::string> names(const org::Actor& actor);
  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
  RulesAt rules_;
};

}  // namespace waihu::discipline
