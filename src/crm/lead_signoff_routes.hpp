#pragma once
// A/B lead sign-offs over HTTP: the owner asks a field rep, the rep signs or declines, both list what concerns them.
#include "crm/lead_signoff_service.hpp"
#include "http/router.hpp"

namespace waihu::crm {

void register_lead_signoff_routes(http::Router& router, LeadSignOffs& signoffs);

}  // namespace waihu::crm
