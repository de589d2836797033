#pragma once
// Duplicate detection shared by create and import: the same normalised phone anywhere, or the same normalised
// company held by a different agent (撞单), and the claim record that names both sides.
#include <soci/soci.h>

#include <optional>
#include <string>

#include "crm/model.hpp"
#include "crm/store.hpp"

namespace waihu::crm {

struct Duplicate {
  std::string reason;   ///< "phone" | "company"
  std::string matched;  ///< E.164 or normalised company
  store::Holder holder;
  /// True when another agent holds it: a 撞单, not just a repeated record.
  bool is_claim(const std::optional<long long>& candidate_owner) const {
    return holder.owner_id.has_value() && holder.owner_id != candidate_owner;
  }
};

/// The first duplicate of `c` in the store (ignoring customer `self_id`), phones first.
std::optional<Duplicate> find_duplicate(store::HolderLookup& holders, const Customer& c, long long self_id);

/// Records a 撞单 between the holder and `c`'s owner, with an audit row. Returns the claim id.
long long open_claim(soci::session& sql, const Duplicate& d, const Customer& c, const std::string& origin,
                     std::optional<long long> actor_id, long long now);

}  // namespace waihu::crm
