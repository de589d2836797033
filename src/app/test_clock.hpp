#pragma once
// The test-only clock switch: `waihu serve --test-clock` (refused unless WAIHU_TEST_CLOCK=1 is set) adds
// POST /api/v1/test/clock, so API and browser tests can put the server at a deadline or a month's end and see
// what the rules do there. Never part of a normal server, so not in the OpenAPI document.
#include "http/router.hpp"
#include "util/clock.hpp"

namespace waihu::app {

/// The environment variable that allows the switch.
inline constexpr const char* kTestClockEnv = "WAIHU_TEST_CLOCK";

/// POST /api/v1/test/clock {"now": ISO 8601} (admins): the server's time becomes `now` and runs on from there.
void register_test_clock_routes(http::Router& router, util::AdjustableClock& clock);

}  // namespace waihu::app
