#pragma once
// GET /api/v1/audit: the audit trail, newest first, for admins and managers.
#include "audit/service.hpp"
#include "http/router.hpp"

namespace waihu::audit {
void register_routes(http::Router& router, AuditService& audit);
}
