#include "http/router.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"

namespace waihu::http {

namespace {
Request get(const std::string& path, const std::string& token = "") {
  Request r;
  r.method = "GET";
  r.path = path;
  if (!token.empty()) r.headers["authorization"] = "Bearer " + token;
  return r;
}

Router make_router() {
  Router router;
  router.set_authenticator([](const std::string& token) {
    if (token != "good") throw Unauthorized("auth.session_expired", "expired");
    return org::Actor{1, "agent01", org::Role::kAgent, 1, {1}};
  });
  router.add(
      "GET", "/open",
      [](Context&) {
        return Response::json({{"ok", true}});
      },
      true);
  router.add("GET", "/items/{id}", [](Context& c) { return Response::json({{"id", c.id()}}); });
  router.add("GET", "/items/export", [](Context&) { return Response::json({{"export", true}}); });
  router.add("GET", "/boom", [](Context&) -> Response { throw std::runtime_error("secret detail"); });
  router.add("GET", "/slow", [](Context&) -> Response { throw TooManyRequests("x.limit", "slow down", 42); });
  router.add("GET", "/busy", [](Context&) -> Response { throw Unavailable("store.busy", "busy"); });
  return router;
}
}  // namespace

TEST(Router, AuthenticationAndErrors) {
  Router r = make_router();
  EXPECT_EQ(r.handle(get("/open")).status, 200);
  EXPECT_EQ(r.handle(get("/items/5")).status, 401);
  EXPECT_EQ(r.handle(get("/items/5", "bad")).status, 401);
  auto ok = r.handle(get("/items/5", "good"));
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.log_user, "agent01");
  auto bad_id = r.handle(get("/items/x", "good"));
  EXPECT_EQ(bad_id.status, 400);
  EXPECT_EQ(nlohmann::json::parse(bad_id.body)["error"]["details"]["field"], "id");
  EXPECT_EQ(r.handle(get("/nowhere")).status, 404);
  Request post = get("/open");
  post.method = "POST";
  EXPECT_EQ(r.handle(post).status, 405);
}

TEST(Router, LiteralSegmentsWinOverParameters) {
  Router r = make_router();
  EXPECT_EQ(nlohmann::json::parse(r.handle(get("/items/export", "good")).body)["export"], true);
}

TEST(Router, InternalErrorsDoNotLeakAndLimitsSayWhenToRetry) {
  Router r = make_router();
  auto boom = r.handle(get("/boom", "good"));
  EXPECT_EQ(boom.status, 500);
  EXPECT_EQ(boom.body.find("secret detail"), std::string::npos);
  auto slow = r.handle(get("/slow", "good"));
  EXPECT_EQ(slow.status, 429);
  ASSERT_EQ(slow.headers.size(), 1u);
  EXPECT_EQ(slow.headers[0], (std::pair<std::string, std::string>{"Retry-After", "42"}));
  auto busy = r.handle(get("/busy", "good"));
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(nlohmann::json::parse(busy.body)["error"]["code"], "store.busy");
  ASSERT_EQ(busy.headers.size(), 1u);
  EXPECT_EQ(busy.headers[0].first, "Retry-After");
}

TEST(Router, TokenFromCookieOrBearer) {
  Request r;
  r.headers["cookie"] = "theme=dark; waihu_session=abc123";
  EXPECT_EQ(session_token(r), "abc123");
  r.headers["authorization"] = "Bearer xyz";
  EXPECT_EQ(session_token(r), "xyz");
}

TEST(Query, DecodesPercentAndPlus) {
  auto q = parse_query("q=%E5%8C%97%E4%BA%AC+x&limit=5&flag");
  EXPECT_EQ(q["q"], "北京 x");
  EXPECT_EQ(q["limit"], "5");
  EXPECT_EQ(q["flag"], "");
}

}  // namespace waihu::http
