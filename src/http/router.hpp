#pragma once
// Routes: method + pattern ("/api/v1/customers/{id}") → handler. Authentication happens here, once, for every
// route not marked public; errors thrown anywhere below become one JSON error shape in one place.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "calendar/company_time.hpp"
#include "http/idempotency.hpp"
#include "http/message.hpp"
#include "util/clock.hpp"

namespace waihu::http {

using Handler = std::function<Response(Context&)>;

struct RouteInfo {
  std::string method;
  std::string pattern;
  bool is_public = false;
};

class Router {
 public:
  /// Turns a session token into an actor; throws Unauthorized.
  using Authenticator = std::function<org::Actor(const std::string& token)>;

  void set_authenticator(Authenticator a) { authenticator_ = std::move(a); }
  /// Answers requests no route matches (the web app's files); nullopt falls through to 404.
  using Fallback = std::function<std::optional<Response>(const Request&)>;
  void set_fallback(Fallback f) { fallback_ = std::move(f); }
  /// Served over TLS by a proxy in front (`waihu serve --behind-tls`): the session cookie gets `Secure`. A request
  /// whose `X-Forwarded-Proto` says https gets it too.
  void set_behind_tls(bool on) { behind_tls_ = on; }
  /// The company's clock and days routes read through Context (default: the system's clock in the default zone).
  void set_time(const calendar::CompanyTime& time) { time_ = &time; }
  /// Where Idempotency-Key answers are kept (http/idempotency.hpp); without one the header is ignored.
  void set_idempotency(IdempotencyKeeper* keeper) { idempotency_ = keeper; }
  void add(const std::string& method, const std::string& pattern, Handler handler, bool is_public = false);
  /// Never throws: every failure becomes an error response.
  Response handle(const Request& request) const;
  std::vector<RouteInfo> routes() const;
  /// True when `path` takes a raw file body rather than JSON: the bulk imports and a sick-leave certificate.
  static bool is_upload_path(const std::string& path);

 private:
  struct Route {
    RouteInfo info;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
  Response dispatch(const Request& request) const;
  Response run_idempotent(const Request& req, const Handler& handler, Context& ctx) const;
  Authenticator authenticator_;
  Fallback fallback_;
  const calendar::CompanyTime* time_ = nullptr;  // nullptr: the system's clock in the default zone
  bool behind_tls_ = false;
  IdempotencyKeeper* idempotency_ = nullptr;
};

/// Why a browser's write must be refused before it runs (cross-site request forgery, or a body that is not the
/// JSON the route reads), as an error response; nullopt when it may go on. Writes that carry
/// `Authorization: Bearer` come from scripts and skip the origin check; JSON routes always need
/// `Content-Type: application/json` when they have a body.
std::optional<Response> refuse_unsafe_write(const Request& r);

/// The session token of a request: `Authorization: Bearer …` or the `waihu_session` cookie.
std::string session_token(const Request& r);
/// The response for an exception: status from the error kind, body {"error": {code, message, details}}.
Response error_response(const std::exception_ptr& e);

}  // namespace waihu::http
