#include "org/routes.hpp"

#include "core/errors.hpp"
#include "http/json_input.hpp"
#include "org/json.hpp"
#include "org/rules.hpp"
#include "util/clock.hpp"

namespace waihu::org {

namespace {
using http::Context;
using http::JsonBody;
using http::Response;

Role role_field(const std::string& s) {
  auto r = parse_role(s);
  if (!r) {
    throw BadRequest::field("role", "应为 admin/manager/supervisor/agent/field_rep/qa/assistant 之一 / unknown role");
  }
  return *r;
}

EmploymentStatus status_field(const std::string& s) {
  auto st = parse_employment_status(s);
  if (!st) throw BadRequest::field("employment_status", "应为 probation/regular/left / unknown status");
  return *st;
}

std::optional<std::optional<std::string>> extension_field(const JsonBody& b) {
  if (!b.has("extension")) return std::nullopt;
  if (b.is_null("extension")) return std::optional<std::string>();
  auto v = b.text("extension");
  return v->empty() ? std::optional<std::string>() : std::optional<std::string>(*v);
}
}  // namespace

void register_routes(http::Router& router, OrgService& org, AuthService& auth) {
  router.add(
      "POST", "/api/v1/auth/login",
      [&](Context& c) {
        JsonBody b(c.request.body, {"username", "password"});
        auto username = b.required_text("username");
        auto password = b.required_text("password");
        LoginResult r = auth.login(*username, *password, c.request.remote_address);
        Response res = Response::json(
            {{"token", r.token}, {"expires_at", util::format_iso_utc(r.expires_at)}, {"user", to_json(r.user)}});
        res.headers.emplace_back(
            "Set-Cookie", "waihu_session=" + r.token +
                              "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(r.expires_at - c.now()));
        res.log_user = r.user.username;
        return res;
      },
      true);
  router.add("POST", "/api/v1/auth/logout", [&](Context& c) {
    auth.logout(c.token());
    Response res = Response::json({{"ok", true}});
    res.headers.emplace_back("Set-Cookie", "waihu_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    return res;
  });
  router.add("GET", "/api/v1/auth/me", [&](Context& c) {
    nlohmann::json u = to_json(org.get_user(&c.actor(), c.actor().user_id));
    // Every right the server checks, so the web app decides what to show from these, never from role names.
    nlohmann::json rights = nlohmann::json::object();
    for (Right r : kAllRights) rights[std::string(right_name(r))] = has_right(c.actor().role, r);
    u["rights"] = std::move(rights);
    u["time_zone"] = c.time().zone_id();  // the web app shows every time in it, whatever the browser's zone
    return Response::json(u);
  });
  router.add("POST", "/api/v1/auth/password", [&](Context& c) {
    JsonBody b(c.request.body, {"old_password", "new_password"});
    org.change_own_password(c.actor(), c.token(), *b.required_text("old_password"), *b.required_text("new_password"));
    return Response::json({{"ok", true}});
  });

  router.add("GET", "/api/v1/teams", [&](Context& c) {
    c.allow_query({});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& t : org.list_teams()) items.push_back(to_json(t));
    // Teams are few (tens): the whole tree in one answer, so a client can draw it.
    return Response::json({{"items", items}, {"next_cursor", nullptr}});
  });
  router.add("POST", "/api/v1/teams", [&](Context& c) {
    JsonBody b(c.request.body, {"name", "parent_id"});
    auto parent = b.nullable_id("parent_id");
    return Response::json(
        to_json(org.create_team(&c.actor(), *b.required_text("name"), parent ? *parent : std::nullopt)), 201);
  });
  router.add("PATCH", "/api/v1/teams/{id}", [&](Context& c) {
    JsonBody b(c.request.body, {"name", "parent_id"});
    return Response::json(
        to_json(org.rename_team(&c.actor(), c.id(), b.text("name", false), b.nullable_id("parent_id"))));
  });

  router.add("GET", "/api/v1/users", [&](Context& c) {
    c.allow_query({"limit", "cursor", "team_id", "role", "disabled", "q"});
    UserListFilter f;
    f.team_id = c.query_int("team_id");
    if (auto r = c.query("role")) f.role = role_field(*r);
    f.disabled = c.query_bool("disabled");
    f.q = c.query("q").value_or("");
    return http::page_response(org.list_users(&c.actor(), f, c.cursor(), c.limit()),
                               [](const User& u) { return to_json(u); });
  });
  router.add("POST", "/api/v1/users", [&](Context& c) {
    JsonBody b(c.request.body, {"username", "display_name", "role", "team_id", "password", "extension", "hired_on",
                                "employment_status", "left_on", "left_reason", "level", "prior_months"});
    NewUser u;
    u.username = *b.required_text("username");
    u.display_name = b.text("display_name").value_or("");
    u.role = role_field(*b.required_text("role"));
    auto team = b.integer("team_id");
    if (!team) throw BadRequest::field("team_id", "必填 / required", "validation.required");
    u.team_id = *team;
    u.password = *b.required_text("password");
    if (auto e = extension_field(b)) u.extension = *e;
    u.hired_on = b.text("hired_on").value_or("");
    if (auto s = b.text("employment_status")) u.employment_status = status_field(*s);
    u.left_on = b.text("left_on");
    u.left_reason = b.text("left_reason");
    u.level = b.integer("level").value_or(1);
    u.prior_months = b.integer("prior_months").value_or(0);
    return Response::json(to_json(org.create_user(&c.actor(), u)), 201);
  });
  router.add("GET", "/api/v1/users/{id}",
             [&](Context& c) { return Response::json(to_json(org.get_user(&c.actor(), c.id()))); });
  router.add("PATCH", "/api/v1/users/{id}", [&](Context& c) {
    JsonBody b(c.request.body, {"display_name", "role", "team_id", "extension", "hired_on", "employment_status",
                                "left_on", "left_reason", "level", "prior_months", "disabled"});
    UserPatch p;
    p.display_name = b.text("display_name", false);
    if (auto r = b.text("role", false)) p.role = role_field(*r);
    p.team_id = b.integer("team_id");
    p.extension = extension_field(b);
    p.hired_on = b.text("hired_on");
    if (auto s = b.text("employment_status", false)) p.employment_status = status_field(*s);
    p.left_on = b.text("left_on");
    p.left_reason = b.text("left_reason");
    p.level = b.integer("level");
    p.prior_months = b.integer("prior_months");
    p.disabled = b.boolean("disabled");
    return Response::json(to_json(org.update_user(&c.actor(), c.id(), p)));
  });
  router.add("POST", "/api/v1/users/{id}/password", [&](Context& c) {
    JsonBody b(c.request.body, {"password"});
    org.set_password(&c.actor(), c.id(), *b.required_text("password"));
    return Response::json({{"ok", true}});
  });
  router.add("POST", "/api/v1/users/{id}/disable", [&](Context& c) {
    UserPatch p;
    p.disabled = true;
    return Response::json(to_json(org.update_user(&c.actor(), c.id(), p)));
  });
  router.add("POST", "/api/v1/users/{id}/enable", [&](Context& c) {
    UserPatch p;
    p.disabled = false;
    return Response::json(to_json(org.update_user(&c.actor(), c.id(), p)));
  });
}

}  // namespace waihu::org
