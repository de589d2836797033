#include "audit/routes.hpp"

#include "audit/actions.hpp"
#include "audit/diff.hpp"
#include "core/errors.hpp"
#include "http/download.hpp"
#include "org/rules.hpp"
#include "util/clock.hpp"

namespace waihu::audit {

namespace {
nlohmann::json to_json(const LoggedEntry& logged) {
  const Entry& e = logged.entry;
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& c : field_changes(e.before, e.after)) {
    changes.push_back({{"field", c.field}, {"before", c.before}, {"after", c.after}});
  }
  const util::Label label = action_label(e.action);
  auto name = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  return {{"id", e.id},
          {"at", util::format_iso_utc(e.at)},
          {"actor_id", e.actor_id ? nlohmann::json(*e.actor_id) : nlohmann::json(nullptr)},
          {"actor_name", name(logged.actor_name)},
          {"actor_username", name(logged.actor_username)},
          {"action", e.action},
          {"action_label", {{"zh", label.zh}, {"en", label.en}}},
          {"entity", e.entity},
          {"entity_id", e.entity_id ? nlohmann::json(*e.entity_id) : nlohmann::json(nullptr)},
          {"entity_name", name(logged.entity_name)},
          {"before", e.before},
          {"after", e.after},
          {"changes", changes},
          {"detail", e.detail}};
}
// The list's filters, shared by the list and the export; only those with the right may read the log.
Filter audit_filter(http::Context& c) {
  if (!org::has_right(c.actor().role, org::Right::kReadAudit)) {
    throw Forbidden("auth.forbidden", "无权查看审计日志 / you may not read the audit log");
  }
  Filter f;
  f.actor_id = c.query_int("actor_id");
  f.entity = c.query("entity");
  f.entity_id = c.query_int("entity_id");
  f.action = c.query("action");
  f.from = c.query_int("from");
  f.to = c.query_int("to");
  return f;
}
}  // namespace

void register_routes(http::Router& router, const std::string& data_dir, AuditService& audit) {
  router.add("GET", "/api/v1/audit", [&](http::Context& c) {
    c.allow_query({"limit", "cursor", "actor_id", "entity", "entity_id", "action", "from", "to"});
    auto page = audit.list(audit_filter(c), c.cursor(), c.limit());
    return http::page_response(page, [&](const auto& e) { return to_json(e); });
  });
  router.add("GET", "/api/v1/audit/actions", [](http::Context& c) {
    c.allow_query({});
    audit_filter(c);  // the same right as the log
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : named_actions()) out.push_back({{"action", a.action}, {"zh", a.label.zh}, {"en", a.label.en}});
    return http::Response::json({{"items", out}});
  });
  router.add("GET", "/api/v1/audit/export", [&data_dir, &audit](http::Context& c) {
    c.allow_query({"format", "lang", "actor_id", "entity", "entity_id", "action", "from", "to"});
    Filter f = audit_filter(c);
    // The file is named for the days it covers (from/to are Unix seconds here).
    auto day = [&c](const std::optional<long long>& t) {
      return t ? std::optional(c.time().date_at(*t).str()) : std::nullopt;
    };
    const std::string period =
        http::period_name(std::nullopt, day(f.from), day(f.to ? std::optional(*f.to - 1) : std::nullopt));
    return http::sheet_download(data_dir, c, {"审计日志", "audit"}, period, [&](const util::SheetTarget& target) {
      audit.export_entries(f, http::query_json(c), org::audit_actor(c.actor()), target);
    });
  });
}

}  // namespace waihu::audit
