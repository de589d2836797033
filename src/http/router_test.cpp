#include "http/router.hpp"

#include <gtest/gtest.h>

#include <map>

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

Request post(const std::string& path, const std::string& body) {
  Request r;
  r.method = "POST";
  r.path = path;
  r.body = body;
  r.headers["content-type"] = "application/json";
  return r;
}

std::string header_of(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return {};
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
  EXPECT_EQ(header_of(slow, "Retry-After"), "42");
  auto busy = r.handle(get("/busy", "good"));
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(nlohmann::json::parse(busy.body)["error"]["code"], "store.busy");
  EXPECT_FALSE(header_of(busy, "Retry-After").empty());
}

TEST(Router, EveryAnswerCarriesTheSecurityHeaders) {
  Router r = make_router();
  for (const auto& res : {r.handle(get("/open")), r.handle(get("/nowhere")), r.handle(get("/boom", "good"))}) {
    EXPECT_EQ(header_of(res, "X-Frame-Options"), "DENY");
    EXPECT_EQ(header_of(res, "X-Content-Type-Options"), "nosniff");
    EXPECT_NE(header_of(res, "Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
  }
}

TEST(Router, BrowserWritesFromAnotherSiteAndNonJsonBodiesAreRefused) {
  Request r = post("/items", R"({"a":1})");
  r.headers["cookie"] = "waihu_session=good";
  r.headers["host"] = "127.0.0.1:8080";
  EXPECT_FALSE(refuse_unsafe_write(r));
  r.headers["origin"] = "http://127.0.0.1:8080";
  EXPECT_FALSE(refuse_unsafe_write(r));
  r.headers["origin"] = "https://evil.example";
  EXPECT_EQ(refuse_unsafe_write(r)->status, 403);
  r.headers["origin"] = "null";
  EXPECT_EQ(refuse_unsafe_write(r)->status, 403);
  r.headers.erase("origin");
  r.headers["sec-fetch-site"] = "cross-site";
  EXPECT_EQ(refuse_unsafe_write(r)->status, 403);
  r.headers["sec-fetch-site"] = "same-origin";
  EXPECT_FALSE(refuse_unsafe_write(r));
  // A script with a token is not a browser: no origin check, but still JSON.
  Request script = post("/items", R"({"a":1})");
  script.headers["authorization"] = "Bearer good";
  script.headers["origin"] = "https://elsewhere.example";
  EXPECT_FALSE(refuse_unsafe_write(script));
  script.headers["content-type"] = "text/plain";
  EXPECT_EQ(refuse_unsafe_write(script)->status, 415);
  script.headers["content-type"] = "Application/JSON; charset=utf-8";
  EXPECT_FALSE(refuse_unsafe_write(script));
  // Imports take the file itself.
  Request upload = post("/api/v1/customers/import", "a,b\n");
  upload.headers["authorization"] = "Bearer good";
  upload.headers["content-type"] = "text/csv";
  EXPECT_FALSE(refuse_unsafe_write(upload));
}

namespace {
// Keeps answers in memory, as the store does in a table.
class MemoryKeeper final : public IdempotencyKeeper {
 public:
  Claim claim(long long user, const std::string& key, const std::string& fingerprint, Stored& stored) override {
    auto& e = entries[{user, key}];
    if (e.fingerprint.empty()) {
      e.fingerprint = fingerprint;
      return Claim::kNew;
    }
    if (e.fingerprint != fingerprint) return Claim::kMismatch;
    if (!e.answer) return Claim::kInProgress;
    stored = *e.answer;
    return Claim::kReplay;
  }
  void finish(long long user, const std::string& key, const Stored& answer) override {
    entries[{user, key}].answer = answer;
  }
  void abandon(long long user, const std::string& key) override { entries.erase({user, key}); }
  struct Entry {
    std::string fingerprint;
    std::optional<Stored> answer;
  };
  std::map<std::pair<long long, std::string>, Entry> entries;
};
}  // namespace

TEST(Router, TheSameIdempotencyKeyAnswersTheFirstResultAndRunsNothing) {
  Router r = make_router();
  MemoryKeeper keeper;
  r.set_idempotency(&keeper);
  int runs = 0;
  r.add("POST", "/calls", [&](Context&) {
    ++runs;
    return Response::json({{"id", runs}}, 201);
  });
  Request call = post("/calls", R"({"result":"busy"})");
  call.headers["authorization"] = "Bearer good";
  call.headers["idempotency-key"] = "k-1";
  auto first = r.handle(call);
  auto again = r.handle(call);
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(header_of(again, "Idempotent-Replayed"), "true");
  Request other = call;
  other.body = R"({"result":"refused"})";
  EXPECT_EQ(r.handle(other).status, 409);
  EXPECT_EQ(runs, 1);
  call.headers["idempotency-key"] = "k-2";
  r.handle(call);
  EXPECT_EQ(runs, 2);
  call.headers["idempotency-key"] = std::string(201, 'x');
  EXPECT_EQ(r.handle(call).status, 400);
}

TEST(Router, AFailureWorthRetryingLetsItsIdempotencyKeyGo) {
  Router r = make_router();
  MemoryKeeper keeper;
  r.set_idempotency(&keeper);
  int runs = 0;
  r.add("POST", "/flaky", [&](Context&) -> Response {
    if (++runs == 1) throw Unavailable("store.busy", "busy");
    return Response::json({{"ok", true}}, 201);
  });
  Request req = post("/flaky", "{}");
  req.headers["authorization"] = "Bearer good";
  req.headers["idempotency-key"] = "k";
  EXPECT_EQ(r.handle(req).status, 503);
  EXPECT_EQ(r.handle(req).status, 201);
  EXPECT_EQ(r.handle(req).status, 201);
  EXPECT_EQ(runs, 2);
  EXPECT_TRUE(keeps_answer(422));
  EXPECT_FALSE(keeps_answer(503));
  EXPECT_FALSE(keeps_answer(429));
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
