#pragma once
// Who the month-end elimination rules catch, and what they propose. Pure.
#include <map>
#include <vector>

#include "discipline/elimination_model.hpp"

namespace waihu::discipline {

/// A person's figures as the rules read them.
struct MonthFigure {
  long long user_id = 0, team_id = 0;
  long long value = 0;              ///< this month
  std::vector<long long> previous;  ///< the months before, latest first, while they were on the staff
};

struct Caught {
  const EliminationRule* rule = nullptr;
  int rank = 0, of = 0;  ///< the place it looked at (kBottom: within the company or the team)
};

struct EliminationCase {
  long long user_id = 0, value = 0;
  int rank = 0, people = 0;  ///< the company-wide place
  std::vector<Caught> caught;
  Proposal proposes = Proposal::kWarning;  ///< the strongest any rule proposes
};

/// The people listed, in company rank order (worst last); nobody when no rule catches anyone.
std::vector<EliminationCase> eliminations(const EliminationPolicy& p, const std::vector<MonthFigure>& people);

/// How many months before this one the rules need (kBelowMonths).
long long months_looked_back(const EliminationPolicy& p);

}  // namespace waihu::discipline
