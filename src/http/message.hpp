#pragma once
// Requests and responses as plain values: the router and every handler are tested without a socket.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "calendar/company_time.hpp"
#include "core/page.hpp"
#include "org/model.hpp"
#include "util/clock.hpp"

namespace waihu::http {

struct Request {
  std::string method;
  std::string path;  ///< decoded, without the query
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  ///< names lower-cased
  std::string body;
  std::string remote_address;
  std::string header(const std::string& lower_name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string file_path;           ///< when set, the body is this file's content
  bool delete_file_after = false;  ///< a temporary export
  std::string log_user;            ///< who made the request, for the access log

  static Response json(const nlohmann::json& j, int status = 200);
  static Response html(std::string body, int status = 200);
};

/// How every list answers: {"items": [...], "next_cursor": "…" | null}; `render(item)` gives one item's JSON.
template <class T, class Render>
Response page_response(const Page<T>& page, Render render) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(render(item));
  return Response::json(
      {{"items", std::move(items)},
       {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nlohmann::json(nullptr)}});
}

/// Splits "a=1&b=%E4%B8%AD" into decoded pairs; '+' is a space.
std::map<std::string, std::string> parse_query(std::string_view query);
std::string url_decode(std::string_view s);

/// What a handler sees: the request, path parameters, and who is asking.
class Context {
 public:
  Context(const Request& r, std::map<std::string, std::string> params, std::optional<org::Actor> actor,
          std::string token, const calendar::CompanyTime& time)
      : request(r), params_(std::move(params)), actor_(std::move(actor)), token_(std::move(token)), time_(time) {}

  const Request& request;
  /// The authenticated actor; routes registered as authenticated always have one.
  const org::Actor& actor() const;
  const std::string& token() const { return token_; }
  /// The server's clock (the composition root's), for what a route stamps itself: a cookie's age, a file's date.
  util::UnixSeconds now() const { return time_.now(); }
  /// The company's days (its time zone), for a route that reads or names a day.
  const calendar::CompanyTime& time() const { return time_; }
  /// A path parameter as a positive integer; 400 naming it otherwise.
  long long id(const std::string& name = "id") const;
  const std::string& param(const std::string& name) const { return params_.at(name); }

  std::optional<std::string> query(const std::string& name) const;
  /// 400 naming the parameter when present but not an integer.
  std::optional<long long> query_int(const std::string& name) const;
  /// A day, "YYYY-MM-DD"; 400 naming the parameter when present but not a real date.
  std::optional<calendar::LocalDate> query_date(const std::string& name) const;
  /// "true"/"1"/"false"/"0"; 400 otherwise.
  std::optional<bool> query_bool(const std::string& name) const;
  /// ?limit=N (1..kMaxPageSize, default kDefaultPageSize); 400 outside the range.
  int limit() const;
  std::string cursor() const { return query("cursor").value_or(""); }
  /// Fails with 400 when the query holds a parameter not in `allowed`.
  void allow_query(std::initializer_list<std::string_view> allowed) const;

 private:
  std::map<std::string, std::string> params_;
  std::optional<org::Actor> actor_;
  std::string token_;
  const calendar::CompanyTime& time_;
};

}  // namespace waihu::http
