#pragma once
// SQL for the calling figures. Runs on the caller's session.
#include <soci/soci.h>

#include <optional>
#include <unordered_map>

#include "calls/activity.hpp"
#include "calls/store.hpp"

namespace waihu::calls::store {

/// Each agent's figures over calls started in [from, to) within the scope (agents without calls are absent).
std::unordered_map<long long, CallFigures> figures_by_agent(soci::session& sql, long long from, long long to,
                                                            const Scope& scope, std::optional<long long> agent_id);

}  // namespace waihu::calls::store
