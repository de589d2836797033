#include "crm/access.hpp"

#include <algorithm>

#include "crm/rules.hpp"
#include "org/rules.hpp"

namespace waihu::crm {

Access customer_access(const org::Actor& actor, const Customer& c, std::optional<long long> owner_team_id) {
  using org::Scope;
  Access writable = org::has_right(actor.role, org::Right::kWriteCustomers) ? Access::kWrite : Access::kRead;
  switch (org::data_scope(actor.role)) {
    case Scope::kAll:
      return writable;
    case Scope::kOwn:
      if (!c.owner_id) return Access::kRead;
      return *c.owner_id == actor.user_id ? writable : Access::kNone;
    case Scope::kTeamSubtree: {
      if (!c.owner_id) return writable;
      bool inside = owner_team_id && std::find(actor.scope_team_ids.begin(), actor.scope_team_ids.end(),
                                               *owner_team_id) != actor.scope_team_ids.end();
      return inside ? writable : Access::kNone;
    }
  }
  return Access::kNone;
}

PhoneVisibility phone_visibility(const org::Actor& actor) {
  if (!org::has_right(actor.role, org::Right::kSeePhone)) return PhoneVisibility::kNone;
  return org::data_scope(actor.role) == org::Scope::kOwn ? PhoneVisibility::kOwnedOnly : PhoneVisibility::kAll;
}

bool phone_visible_for_owner(const org::Actor& actor, std::optional<long long> owner_id) {
  switch (phone_visibility(actor)) {
    case PhoneVisibility::kAll:
      return true;
    case PhoneVisibility::kOwnedOnly:
      return owner_id == actor.user_id;
    case PhoneVisibility::kNone:
      return false;
  }
  return false;
}

bool phones_visible(const org::Actor& actor, const Customer& c) { return phone_visible_for_owner(actor, c.owner_id); }

void mask_phones(Customer& c) {
  for (auto& p : c.phones) p.e164 = mask_phone(p.e164);
  if (!c.fax.empty()) {
    std::string digits;
    for (char ch : c.fax) {
      if (ch >= '0' && ch <= '9') digits += ch;
    }
    c.fax = digits.size() > 4 ? std::string(digits.size() - 4, '*') + digits.substr(digits.size() - 4) : "****";
  }
}

}  // namespace waihu::crm
