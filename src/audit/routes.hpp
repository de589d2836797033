#pragma once
// GET /api/v1/audit (and /api/v1/audit/export): the audit trail, newest first, for admins and managers.
#include "audit/service.hpp"
#include "http/router.hpp"

namespace waihu::audit {
/// `data_dir`: where the temporary export files are written.
void register_routes(http::Router& router, const std::string& data_dir, AuditService& audit);
}  // namespace waihu::audit
