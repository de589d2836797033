#include "audit/routes.hpp"

#include "core/errors.hpp"
#include "http/download.hpp"
#include "org/rules.hpp"
#include "util/clock.hpp"

namespace waihu::audit {

namespace {
nlohmann::json to_json(const Entry& e) {
  return {{"id", e.id},
          {"at", util::format_iso_utc(e.at)},
          {"actor_id", e.actor_id ? nlohmann::json(*e.actor_id) : nlohmann::json(nullptr)},
          {"action", e.action},
          {"entity", e.entity},
          {"entity_id", e.entity_id ? nlohmann::json(*e.entity_id) : nlohmann::json(nullptr)},
          {"before", e.before},
          {"after", e.after},
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
  router.add("GET", "/api/v1/audit/export", [&data_dir, &audit](http::Context& c) {
    c.allow_query({"format", "actor_id", "entity", "entity_id", "action", "from", "to"});
    Filter f = audit_filter(c);
    return http::sheet_download(data_dir, c, "audit", [&](const std::string& path, util::SheetFormat format) {
      audit.export_entries(f, http::query_json(c), org::audit_actor(c.actor()), format, path);
    });
  });
}

}  // namespace waihu::audit
