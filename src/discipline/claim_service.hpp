#pragma once
// 撞单 cases as people work them: both agents see the case (never more of the other's customer than their scope
// shows); either gives the customer up, or escalates it to the sales manager and then the company, each escalation
// costing each agent the policy's share of base pay (a row pay reads); the manager or the company decides who keeps
// the customer and may find deliberate poaching or undermining (恶意抢单、相互拆台) — a dismissal case.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/page.hpp"
#include "discipline/claim_rules.hpp"
#include "discipline/claim_store.hpp"
#include "discipline/closing.hpp"
#include "org/service.hpp"

namespace waihu::discipline {

struct ClaimView {
  store::ClaimCase c;
  std::unordered_map<long long, org::PersonName> names;  ///< the holder, claimant, keeper and step actors
  std::vector<store::ClaimStep> steps;                   ///< filled for one case
  std::vector<store::ClaimPenaltyRow> penalties;         ///< filled for one case
  bool can_yield = false, can_escalate = false, can_decide = false;
  std::vector<long long> dismissal_cases;  ///< raised by the decision just made
};

using ClaimPage = Page<ClaimView>;

struct ClaimDecision {
  long long keeper_id = 0;
  std::string note;
  std::vector<long long> malicious;  ///< agents found poaching or undermining: a dismissal case each
};

class ClaimService {
 public:
  ClaimService(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org, RulesAt rules)
      : db_(db), time_(time), org_(org), rules_(std::move(rules)) {}

  /// Cases the actor sees: an agent's own; those of people in scope; every case (admins, the director).
  /// `status`: open, closed, settled or decided.
  ClaimPage list(const org::Actor& actor, const std::optional<std::string>& status, const std::string& cursor,
                 int limit);
  ClaimView get(const org::Actor& actor, long long id);
  /// A party gives the customer up: the other keeps it, at no further cost.
  ClaimView yield(const org::Actor& actor, long long id, const std::string& note);
  /// Agents → manager → company; each agent's penalty recorded by the policy in force today.
  ClaimView escalate(const org::Actor& actor, long long id, const std::string& note);
  ClaimView decide(const org::Actor& actor, long long id, const ClaimDecision& d);

 private:
  store::ClaimCase visible(const org::Actor& actor, long long id);
  ClaimActor who(const org::Actor& actor, const store::ClaimCase& c);
  void check(ClaimAction a, const org::Actor& actor, const store::ClaimCase& c);
  /// What the actor may see of a case: the matched phone masked as the held customer's phones are, the held
  /// customer's company only for those who see its owner's records.
  ClaimView view(const org::Actor& actor, store::ClaimCase c, bool whole);
  /// Ends the case with `keeper` keeping the customer (the customer moves to them if needed).
  void close(soci::session& sql, const org::Actor& actor, const store::ClaimCase& c, const std::string& status,
             long long keeper, const std::string& action, const std::string& note, long long now);
  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
  RulesAt rules_;
};

}  // namespace waihu::discipline
