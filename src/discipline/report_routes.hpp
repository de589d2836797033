#pragma once
// /api/v1/reports (work reports: the form with its figures, send, list, read, reply) and /api/v1/discipline/fund
// (the teams' activity funds).
#include "discipline/report_service.hpp"
#include "http/router.hpp"

namespace waihu::discipline {
void register_report_routes(http::Router& router, ReportService& reports);
}  // namespace waihu::discipline
