#include "crm/duplicates.hpp"

#include "audit/service.hpp"
#include "crm/json.hpp"

namespace waihu::crm {

std::optional<Duplicate> find_duplicate(store::HolderLookup& holders, const Customer& c, long long self_id) {
  for (const auto& p : c.phones) {
    auto h = holders.phone(p.e164);
    if (h && h->customer_id != self_id) return Duplicate{"phone", p.e164, *h};
  }
  for (const auto& h : holders.company(c.company_norm)) {
    if (h.customer_id != self_id && h.owner_id != c.owner_id) return Duplicate{"company", c.company_norm, h};
  }
  return std::nullopt;
}

long long open_claim(soci::session& sql, const Duplicate& d, const Customer& c, const std::string& origin,
                     std::optional<long long> actor_id, long long now) {
  DuplicateClaim claim{0,  d.holder.customer_id, d.holder.owner_id, c.owner_id, d.reason, d.matched, origin, "open",
                       now};
  // One open claim per customer and claimant: trying again (or racing) finds the one already open.
  if (auto open = store::open_claim_id(sql, claim.customer_id, claim.claimant_id)) return *open;
  auto inserted = store::insert_claim(sql, claim, to_json(c).dump(), actor_id);
  if (!inserted) return store::open_claim_id(sql, claim.customer_id, claim.claimant_id).value_or(0);
  claim.id = *inserted;
  audit::record(sql, {0,
                      now,
                      actor_id,
                      "duplicate_claim.open",
                      "duplicate_claim",
                      claim.id,
                      nullptr,
                      to_json(claim),
                      {{"candidate", to_json(c)}}});
  return claim.id;
}

}  // namespace waihu::crm
