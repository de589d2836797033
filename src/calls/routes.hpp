#pragma once
// HTTP routes of calls and follow-ups: /api/v1/calls, /api/v1/calls/{id}, /api/v1/calls/import, /api/v1/calls/export,
// /api/v1/follow-ups. (The per-agent figures of a day are the daily sales sheet: reporting.)
#include <string>

#include "calls/cdr_importer.hpp"
#include "calls/follow_up_service.hpp"
#include "calls/service.hpp"
#include "http/router.hpp"

namespace waihu::calls {
/// `data_dir`: where temporary export files are written.
void register_routes(http::Router& router, const std::string& data_dir, CallService& calls, CdrImporter& cdr,
                     FollowUpService& follow_ups);
}  // namespace waihu::calls
