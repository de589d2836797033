#include "http/message.hpp"

#include <algorithm>
#include <cctype>

#include "core/errors.hpp"
#include "core/page.hpp"
#include "util/strings.hpp"

namespace waihu::http {

std::string Request::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

Response Response::json(const nlohmann::json& j, int status) {
  Response r;
  r.status = status;
  r.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Response::html(std::string body, int status) {
  Response r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(body);
  return r;
}

std::string url_decode(std::string_view s) { return util::percent_decode(s, true); }

std::map<std::string, std::string> parse_query(std::string_view q) {
  std::map<std::string, std::string> out;
  for (const auto& part : util::split(q, '&')) {
    if (part.empty()) continue;
    auto eq = part.find('=');
    std::string key = url_decode(part.substr(0, eq));
    out[key] = eq == std::string::npos ? "" : url_decode(std::string_view(part).substr(eq + 1));
  }
  return out;
}

const org::Actor& Context::actor() const {
  if (!actor_) throw Unauthorized("auth.required", "请先登录 / login required");
  return *actor_;
}

long long Context::id(const std::string& name) const {
  long long v = 0;
  if (!util::parse_int64(params_.at(name), v) || v <= 0) {
    throw BadRequest::field(name, "应为正整数 / must be a positive integer");
  }
  return v;
}

std::optional<std::string> Context::query(const std::string& name) const {
  auto it = request.query.find(name);
  if (it == request.query.end()) return std::nullopt;
  return it->second;
}

std::optional<long long> Context::query_int(const std::string& name) const {
  auto v = query(name);
  if (!v) return std::nullopt;
  long long n = 0;
  if (!util::parse_int64(*v, n)) throw BadRequest::field(name, "应为整数 / must be an integer");
  return n;
}

std::optional<calendar::LocalDate> Context::query_date(const std::string& name) const {
  auto v = query(name);
  if (!v) return std::nullopt;
  auto d = calendar::LocalDate::parse(*v);
  if (!d) throw BadRequest::field(name, "应为 YYYY-MM-DD / must be YYYY-MM-DD");
  return d;
}

std::optional<bool> Context::query_bool(const std::string& name) const {
  auto v = query(name);
  if (!v) return std::nullopt;
  if (*v == "true" || *v == "1" || v->empty()) return true;
  if (*v == "false" || *v == "0") return false;
  throw BadRequest::field(name, "应为 true 或 false / must be true or false");
}

int Context::limit() const {
  auto n = query_int("limit");
  if (!n) return kDefaultPageSize;
  if (*n < 1 || *n > kMaxPageSize) {
    throw BadRequest::field(
        "limit", "应在 1-" + std::to_string(kMaxPageSize) + " 之间 / must be 1-" + std::to_string(kMaxPageSize));
  }
  return static_cast<int>(*n);
}

void Context::allow_query(std::initializer_list<std::string_view> allowed) const {
  for (const auto& [k, v] : request.query) {
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
      throw BadRequest("validation.unknown_parameter", "未知的查询参数 / unknown query parameter: " + k,
                       {{"field", k}});
    }
  }
}

}  // namespace waihu::http
