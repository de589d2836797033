#include "app/test_clock.hpp"

#include "core/errors.hpp"
#include "http/json_input.hpp"
#include "org/rules.hpp"

namespace waihu::app {

void register_test_clock_routes(http::Router& router, util::AdjustableClock& clock) {
  router.add("POST", "/api/v1/test/clock", [&clock](http::Context& c) {
    if (!org::has_right(c.actor().role, org::Right::kManageOrg)) {
      throw Forbidden("auth.forbidden", "只有管理员可以设定测试时钟 / only an admin sets the test clock");
    }
    http::JsonBody b(c.request.body, {"now"});
    auto text = b.required_text("now");
    auto t = util::parse_iso8601(*text);
    if (!t) throw BadRequest::field("now", "应为带时区的 ISO 8601 时间 / ISO 8601 with a zone");
    clock.set(*t);
    return http::Response::json({{"now", util::format_iso_utc(clock.now())}});
  });
}

}  // namespace waihu::app
