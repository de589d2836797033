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

/// Whose numbers an actor sees in full: all of them; only those of the customers they own (agents and field reps:
/// pool customers stay masked until claimed); none (roles without see_phone).
enum class PhoneVisibility { kAll, kOwnedOnly, kNone };
PhoneVisibility phone_visibility(const org::Actor& actor);

/// Whether a number of a customer owned by `owner_id` (nullopt: the pool) is shown to the actor in full.
bool phone_visible_for_owner(const org::Actor& actor, std::optional<long long> owner_id);

/// Full numbers only for roles with see_phone, and never for pool customers seen by agents.
bool phones_visible(const org::Actor& actor, const Customer& c);

/// Replaces every phone (and the fax) with its masked form.
void mask_phones(Customer& c);

}  // namespace waihu::crm
