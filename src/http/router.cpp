#include "http/router.hpp"

#include <spdlog/spdlog.h>

#include "core/errors.hpp"
#include "org/credentials.hpp"
#include "util/strings.hpp"

namespace waihu::http {

namespace {
const calendar::CompanyTime& system_time() {
  static const util::SystemClock clock;
  static const calendar::CompanyTime time(clock);
  return time;
}
}  // namespace

namespace {
std::vector<std::string> segments_of(const std::string& path) {
  std::vector<std::string> out;
  for (auto& s : util::split(path, '/')) {
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

Response error_json(int status, const std::string& code, const std::string& message, const nlohmann::json& details) {
  return Response::json({{"error", {{"code", code}, {"message", message}, {"details", details}}}}, status);
}

// The one place a domain error kind becomes an HTTP status.
int status_for(const Error& e) {
  if (dynamic_cast<const BadRequest*>(&e)) return 400;
  if (dynamic_cast<const Unauthorized*>(&e)) return 401;
  if (dynamic_cast<const Forbidden*>(&e)) return 403;
  if (dynamic_cast<const NotFound*>(&e)) return 404;
  if (dynamic_cast<const Conflict*>(&e)) return 409;
  if (dynamic_cast<const PayloadTooLarge*>(&e)) return 413;
  if (dynamic_cast<const RuleViolation*>(&e)) return 422;
  if (dynamic_cast<const TooManyRequests*>(&e)) return 429;
  if (dynamic_cast<const Unavailable*>(&e)) return 503;
  return 500;
}
}  // namespace

Response error_response(const std::exception_ptr& ep) {
  try {
    std::rethrow_exception(ep);
  } catch (const TooManyRequests& e) {
    Response r = error_json(429, e.code(), e.what(), e.details());
    r.headers.emplace_back("Retry-After", std::to_string(e.retry_after()));
    return r;
  } catch (const Unavailable& e) {
    Response r = error_json(503, e.code(), e.what(), e.details());
    r.headers.emplace_back("Retry-After", "5");
    return r;
  } catch (const Error& e) {
    return error_json(status_for(e), e.code(), e.what(), e.details());
  } catch (const std::exception& e) {
    spdlog::error("unhandled error: {}", e.what());
    return error_json(500, "internal", "服务器内部错误 / internal server error", nlohmann::json::object());
  } catch (...) {
    return error_json(500, "internal", "服务器内部错误 / internal server error", nlohmann::json::object());
  }
}

std::string session_token(const Request& r) {
  std::string auth = r.header("authorization");
  if (auth.size() > 7 && util::to_lower_ascii(auth.substr(0, 7)) == "bearer ") {
    return std::string(util::trim(auth.substr(7)));
  }
  for (const auto& part : util::split(r.header("cookie"), ';')) {
    std::string_view p = util::trim(part);
    if (p.starts_with("waihu_session=")) return std::string(p.substr(14));
  }
  return {};
}

void Router::add(const std::string& method, const std::string& pattern, Handler handler, bool is_public) {
  routes_.push_back({{method, pattern, is_public}, segments_of(pattern), std::move(handler)});
}

std::vector<RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  for (const auto& r : routes_) out.push_back(r.info);
  return out;
}

bool Router::is_upload_path(const std::string& path) {
  return path.ends_with("/import") || (path.starts_with("/api/v1/requests/") && path.ends_with("/certificate"));
}

namespace {
bool is_write(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

// "https://host:port" -> "host:port"; "" for anything else ("null", a malformed value).
std::string origin_authority(std::string_view origin) {
  auto scheme = origin.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = origin.substr(scheme + 3);
  return rest.find('/') == std::string_view::npos ? util::to_lower_ascii(rest) : std::string{};
}
}  // namespace

std::optional<Response> refuse_unsafe_write(const Request& r) {
  if (!is_write(r.method)) return std::nullopt;
  bool bearer = util::to_lower_ascii(r.header("authorization")).starts_with("bearer ");
  if (!bearer) {
    // Browsers say where a request comes from; a page on another site must not write with our cookie.
    std::string site = util::to_lower_ascii(r.header("sec-fetch-site"));
    std::string origin = r.header("origin");
    bool foreign_site = !site.empty() && site != "same-origin" && site != "none";
    bool foreign_origin = !origin.empty() && origin_authority(origin) != util::to_lower_ascii(r.header("host"));
    if (foreign_site || foreign_origin) {
      return error_json(403, "auth.cross_site", "拒绝来自其他网站的请求 / request from another site refused",
                        {{"origin", origin}, {"sec_fetch_site", site}});
    }
  }
  if (!r.body.empty() && !Router::is_upload_path(r.path)) {
    std::string type = util::to_lower_ascii(util::trim(util::split(r.header("content-type"), ';').front()));
    if (type != "application/json") {
      return error_json(415, "http.unsupported_media_type",
                        "请求体须为 JSON（Content-Type: application/json）/ the body must be JSON "
                        "(Content-Type: application/json)",
                        {{"field", "Content-Type"}, {"content_type", r.header("content-type")}});
    }
  }
  return std::nullopt;
}

Response Router::handle(const Request& req) const {
  Response r = dispatch(req);
  // Every answer: no sniffing, no framing by other sites, a strict policy for what a page may load.
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Referrer-Policy", "same-origin");
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                         "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
                         "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  bool tls = behind_tls_ || util::to_lower_ascii(req.header("x-forwarded-proto")) == "https";
  if (tls) {
    for (auto& [name, value] : r.headers) {
      if (name == "Set-Cookie") value += "; Secure";
    }
  }
  return r;
}

std::string idempotency_key_problem(const std::string& key) {
  if (key.empty() || key.size() > 200) return "应为 1 到 200 个字符 / 1 to 200 characters";
  for (char c : key) {
    if (c < 0x21 || c > 0x7E) return "只能含可见的 ASCII 字符 / visible ASCII characters only";
  }
  return {};
}

bool keeps_answer(int status) { return status < 500 && status != 429 && status != 401; }

Response Router::run_idempotent(const Request& req, const Handler& handler, Context& ctx) const {
  const std::string key = req.header("idempotency-key");
  if (auto problem = idempotency_key_problem(key); !problem.empty()) {
    throw BadRequest::field("Idempotency-Key", problem);
  }
  const long long user = ctx.actor().user_id;
  const std::string fingerprint = org::sha256_hex(req.method + " " + req.path + "\n" + req.body);
  IdempotencyKeeper::Stored stored;
  switch (idempotency_->claim(user, key, fingerprint, stored)) {
    case IdempotencyKeeper::Claim::kReplay: {
      Response r;
      r.status = stored.status;
      r.body = stored.body;
      r.headers.emplace_back("Idempotent-Replayed", "true");
      return r;
    }
    case IdempotencyKeeper::Claim::kMismatch:
      throw Conflict("idempotency.key_reused",
                     "该幂等键已用于另一请求 / this Idempotency-Key was used for a different request",
                     {{"field", "Idempotency-Key"}});
    case IdempotencyKeeper::Claim::kInProgress:
      throw Conflict("idempotency.in_progress",
                     "同一请求正在处理，请稍后重试 / the same request is still running; retry",
                     {{"field", "Idempotency-Key"}});
    case IdempotencyKeeper::Claim::kNew:
      break;
  }
  Response r;
  try {
    r = handler(ctx);
  } catch (...) {
    r = error_response(std::current_exception());
  }
  // Downloads and files are not kept: only JSON answers replay.
  if (keeps_answer(r.status) && r.file_path.empty()) {
    idempotency_->finish(user, key, {r.status, r.body});
  } else {
    idempotency_->abandon(user, key);
  }
  return r;
}

Response Router::dispatch(const Request& req) const {
  auto segs = segments_of(req.path);
  // Literal segments beat parameters: "/customers/export" wins over "/customers/{id}" whatever the order.
  const Route* best = nullptr;
  std::map<std::string, std::string> best_params;
  size_t best_param_count = SIZE_MAX;
  bool path_matched = false;
  for (const auto& route : routes_) {
    if (route.segments.size() != segs.size()) continue;
    std::map<std::string, std::string> params;
    bool match = true;
    for (size_t i = 0; i < segs.size() && match; ++i) {
      const std::string& s = route.segments[i];
      if (s.size() > 2 && s.front() == '{' && s.back() == '}') {
        params[s.substr(1, s.size() - 2)] = segs[i];
      } else {
        match = s == segs[i];
      }
    }
    if (!match) continue;
    path_matched = true;
    if (route.info.method != req.method || params.size() >= best_param_count) continue;
    best = &route;
    best_param_count = params.size();
    best_params = std::move(params);
  }
  if (!best) {
    if (!path_matched && fallback_) {
      if (auto r = fallback_(req)) return *r;
    }
    if (path_matched) {
      return error_json(405, "http.method_not_allowed", "不支持该方法 / method not allowed", {{"method", req.method}});
    }
    return error_json(404, "http.not_found", "没有这个地址 / no such route", {{"path", req.path}});
  }
  if (auto refused = refuse_unsafe_write(req)) return *refused;
  try {
    std::optional<org::Actor> actor;
    std::string token = session_token(req);
    if (!best->info.is_public) {
      if (token.empty()) throw Unauthorized("auth.required", "请先登录 / login required");
      actor = authenticator_(token);
    }
    Context ctx(req, std::move(best_params), actor, token, time_ ? *time_ : system_time());
    Response r = actor && idempotency_ && req.method == "POST" && !req.header("idempotency-key").empty()
                     ? run_idempotent(req, best->handler, ctx)
                     : best->handler(ctx);
    if (actor && r.log_user.empty()) r.log_user = actor->username;
    return r;
  } catch (...) {
    return error_response(std::current_exception());
  }
}

}  // namespace waihu::http
