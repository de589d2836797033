#include "policy/routes.hpp"

#include "core/errors.hpp"
#include "http/json_input.hpp"
#include "util/clock.hpp"

namespace waihu::policy {

namespace {

nlohmann::json instant(const std::optional<long long>& t) {
  return t ? nlohmann::json(util::format_iso_utc(*t)) : nlohmann::json(nullptr);
}
nlohmann::json person(const std::optional<long long>& id, const std::string& name) {
  return id ? nlohmann::json({{"id", *id}, {"name", name}}) : nlohmann::json(nullptr);
}

nlohmann::json summary(const Version& v) {
  return {{"id", v.id},
          {"version", v.id},
          {"name", v.name},
          {"effective_from", v.effective_from.str()},
          {"status", status_name(v.status)},
          {"note", v.note},
          {"created_by", person(v.created_by, v.created_by_name)},
          {"created_at", util::format_iso_utc(v.created_at)},
          {"approved_by", person(v.approved_by, v.approved_by_name)},
          {"approved_at", instant(v.approved_at)},
          {"published_by", person(v.published_by, v.published_by_name)},
          {"published_at", instant(v.published_at)}};
}

nlohmann::json book_json(const RuleBook& book) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : book) {
    out.push_back({{"key", s.key}, {"title", {{"zh", s.title_zh}, {"en", s.title_en}}}, {"zh", s.zh}, {"en", s.en}});
  }
  return out;
}

nlohmann::json lines_json(const std::vector<util::DiffLine>& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : lines) out.push_back({{"op", std::string(1, l.op)}, {"text", l.text}});
  return out;
}

nlohmann::json diff_json(const VersionDiff& d) {
  nlohmann::json rules = nlohmann::json::array();
  for (const auto& s : d.rules) {
    rules.push_back({{"key", s.key},
                     {"title", {{"zh", s.title_zh}, {"en", s.title_en}}},
                     {"changed", s.changed()},
                     {"zh", lines_json(s.zh)},
                     {"en", lines_json(s.en)}});
  }
  return {{"text", lines_json(d.text)}, {"rules", rules}};
}

// A version with its text, its rule book, what it replaces and what changed, and whether the reader acknowledged it.
nlohmann::json full(PolicyService& policies, const org::Actor& actor, const Version& v) {
  nlohmann::json j = summary(v);
  j["text"] = v.text;
  const RuleBook book = policies.rule_book(v);
  j["rule_book"] = book_json(book);
  auto prev = policies.previous(v);
  j["previous"] = prev ? summary(*prev) : nlohmann::json(nullptr);
  j["changes"] = prev ? diff_json(diff(prev->text, policies.rule_book(*prev), v.text, book)) : nlohmann::json(nullptr);
  bool acknowledged = true;
  for (const auto& u : policies.unacknowledged(actor)) acknowledged = acknowledged && u.id != v.id;
  j["acknowledged"] = v.status == Status::kPublished && acknowledged;
  return j;
}

struct DraftInput {
  std::string text, note;
};
DraftInput draft_input(const http::Context& c) {
  http::JsonBody b(c.request.body, {"text", "note"});
  auto text = b.required_text("text");
  return {*text, b.text("note").value_or("")};
}

}  // namespace

void register_routes(http::Router& router, PolicyService& policies) {
  router.add("GET", "/api/v1/policies", [&policies](http::Context& c) {
    c.allow_query({});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : policies.list(c.actor())) items.push_back(summary(v));
    return http::Response::json({{"items", items}});
  });
  router.add("GET", "/api/v1/policies/current", [&policies](http::Context& c) {
    c.allow_query({"date"});
    const calendar::LocalDate day = c.query_date("date").value_or(c.time().today());
    auto v = policies.in_force(day);
    if (!v) throw NotFound("policy.none", "该日没有生效的制度 / no policy is in force on that day");
    return http::Response::json(full(policies, c.actor(), *v));
  });
  router.add("GET", "/api/v1/policies/unacknowledged", [&policies](http::Context& c) {
    c.allow_query({});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : policies.unacknowledged(c.actor())) items.push_back(summary(v));
    return http::Response::json({{"items", items}});
  });
  router.add("POST", "/api/v1/policies/check", [&policies](http::Context& c) {
    DraftInput in = draft_input(c);
    Checked checked = policies.check(c.actor(), in.text);
    nlohmann::json j{
        {"ok", checked.ok()}, {"problems", problems_json(checked.problems)}, {"examples", checked.examples}};
    if (checked.ok()) {
      j["name"] = checked.name;
      j["effective_from"] = checked.effective_from.str();
      j["rule_book"] = book_json(checked.book);
    }
    return http::Response::json(j);
  });
  router.add("POST", "/api/v1/policies", [&policies](http::Context& c) {
    DraftInput in = draft_input(c);
    return http::Response::json(full(policies, c.actor(), policies.draft(c.actor(), in.text, in.note)), 201);
  });
  router.add("GET", "/api/v1/policies/{id}", [&policies](http::Context& c) {
    c.allow_query({});
    return http::Response::json(full(policies, c.actor(), policies.get(c.actor(), c.id())));
  });
  router.add("PUT", "/api/v1/policies/{id}", [&policies](http::Context& c) {
    DraftInput in = draft_input(c);
    return http::Response::json(full(policies, c.actor(), policies.update_draft(c.actor(), c.id(), in.text, in.note)));
  });
  router.add("DELETE", "/api/v1/policies/{id}", [&policies](http::Context& c) {
    policies.discard(c.actor(), c.id());
    return http::Response::json({{"ok", true}});
  });
  router.add("POST", "/api/v1/policies/{id}/approve", [&policies](http::Context& c) {
    http::JsonBody b(c.request.body.empty() ? "{}" : c.request.body, {});
    return http::Response::json(full(policies, c.actor(), policies.approve(c.actor(), c.id())));
  });
  router.add("POST", "/api/v1/policies/{id}/publish", [&policies](http::Context& c) {
    http::JsonBody b(c.request.body.empty() ? "{}" : c.request.body, {});
    return http::Response::json(full(policies, c.actor(), policies.publish(c.actor(), c.id())));
  });
  router.add("POST", "/api/v1/policies/{id}/acknowledge", [&policies](http::Context& c) {
    http::JsonBody b(c.request.body.empty() ? "{}" : c.request.body, {});
    policies.acknowledge(c.actor(), c.id());
    return http::Response::json({{"ok", true}});
  });
  router.add("GET", "/api/v1/policies/{id}/acknowledgements", [&policies](http::Context& c) {
    c.allow_query({});
    nlohmann::json items = nlohmann::json::array();
    long long done = 0;
    for (const auto& a : policies.acknowledgements(c.actor(), c.id())) {
      if (a.at) ++done;
      items.push_back({{"user_id", a.user_id},
                       {"display_name", a.display_name},
                       {"username", a.username},
                       {"team_id", a.team_id},
                       {"acknowledged_at", instant(a.at)}});
    }
    return http::Response::json({{"items", items}, {"acknowledged", done}, {"total", items.size()}});
  });
  router.add("GET", "/api/v1/policies/{id}/diff", [&policies](http::Context& c) {
    c.allow_query({"against"});
    Version v = policies.get(c.actor(), c.id());
    std::optional<Version> base;
    if (auto against = c.query_int("against"))
      base = policies.get(c.actor(), *against);
    else
      base = policies.previous(v);
    if (!base)
      return http::Response::json(
          {{"against", nullptr}, {"text", nlohmann::json::array()}, {"rules", nlohmann::json::array()}});
    nlohmann::json j = diff_json(diff(base->text, policies.rule_book(*base), v.text, policies.rule_book(v)));
    j["against"] = summary(*base);
    return http::Response::json(j);
  });
}

}  // namespace waihu::policy
