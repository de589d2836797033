#pragma once
// Runs a scenario through the same services and store code as the server: a temporary SQLite database, the
// company's teams and people, the policy versions published, then every record replayed in time order with the
// clock set to its time — so the figures are what the rules compute in production, not a second implementation.
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "scenario/scenario.hpp"

namespace waihu::scenario {

/// A record the services refused, or a time outside the period: "FILE:LINE:COLUMN: reason".
class RunError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// {"policy": {"name", "version"}, "policies": [{"name", "version", "from"}],
///  "agent_days": [{"user", "date", "policy_version", "metrics": {…}}], "team_days": [{"team", "date", "metrics"}]}
/// — days without any figure left out; every figure an integer, money in fen.
nlohmann::json run(const Scenario& s);

}  // namespace waihu::scenario
