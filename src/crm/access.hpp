#pragma once
// Who may see and change which customer (SPEC §1 data scope), and whose eyes get masked phones. Pure.
#include <optional>

#include "crm/model.hpp"
#include "org/model.hpp"

namespace waihu::crm {

enum class Access { kNone, kRead, kWrite };

/// `owner_team_id`: the team of the customer's owner (nullopt for the pool).
/// Agents and field reps: own customers read/write, the pool read-only. Supervisors, managers, assistants: the
/// owners in their team subtree and the pool. QA: read-only within its subtree. Admin: everything.
Access customer_access(const org::Actor& actor, const Customer& c, std::optional<long long> owner_team_id);

/// Full numbers only for roles with see_phone, and never for pool customers seen by agents.
bool phones_visible(const org::Actor& actor, const Customer& c);

/// Replaces every phone (and the fax) with its masked form.
void mask_phones(Customer& c);

}  // namespace waihu::crm
