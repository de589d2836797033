#pragma once
// The 撞单 case tables (migrations 001, 006, 018): the claim itself with its stage and outcome, its steps, and what
// each escalation cost each agent.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace waihu::discipline::store {

struct ClaimCase {
  long long id = 0, customer_id = 0;
  std::optional<long long> holder_id, claimant_id;
  std::string reason, matched, origin;
  std::string status;  ///< open, settled, decided (merged: a twin folded into another by migration 006)
  std::string stage;   ///< agents, manager, company
  std::optional<long long> keeper_id;
  long long created_at = 0;
  std::optional<long long> closed_at;
  std::string candidate_company;  ///< the company as the claimant entered it
  std::string customer_company;   ///< the held customer's company
};

struct ClaimStep {
  long long id = 0, claim_id = 0, at = 0, actor_id = 0;
  std::string action, stage;
  std::optional<long long> keeper_id;
  std::string note;
};

struct ClaimPenaltyRow {
  long long claim_id = 0, user_id = 0;
  std::string stage;
  long long percent = 0, total_percent = 0;
  std::string month;
  long long policy_version = 0, created_at = 0;
};

std::optional<ClaimCase> claim_case(soci::session& sql, long long id);

struct ClaimFilter {
  std::optional<std::string> status;  ///< "open", or "closed" (settled or decided), or a status
  bool all = false;                   ///< every claim (admins, the director)
  std::vector<long long> team_ids;    ///< claims whose holder or claimant is in these teams
  std::optional<long long> party;     ///< claims naming this person (an agent's own)
};
/// By id ascending after `after_id`.
std::vector<ClaimCase> claim_cases(soci::session& sql, const ClaimFilter& f, long long after_id, int limit);

/// Moves an open case from one stage to the next; false when it moved or closed meanwhile.
bool move_stage(soci::session& sql, long long id, const std::string& from, const std::string& to);
/// Closes an open case at its stage with the keeper; false when it moved or closed meanwhile.
bool close_case(soci::session& sql, long long id, const std::string& stage, const std::string& status,
                std::optional<long long> keeper_id, long long at);

void add_step(soci::session& sql, const ClaimStep& s);
std::vector<ClaimStep> steps(soci::session& sql, long long claim_id);

void add_penalty(soci::session& sql, const ClaimPenaltyRow& p);
std::vector<ClaimPenaltyRow> penalties(soci::session& sql, long long claim_id);

}  // namespace waihu::discipline::store
