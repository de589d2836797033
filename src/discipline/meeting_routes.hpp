#pragma once
// /api/v1/meetings (hold a meeting, list, read one, take and close its attendance).
#include "discipline/meeting_service.hpp"
#include "http/router.hpp"

namespace waihu::discipline {
void register_meeting_routes(http::Router& router, MeetingService& meetings);
}  // namespace waihu::discipline
