#include "app/app.hpp"

#include <filesystem>

#include "app/import_templates.hpp"
#include "audit/routes.hpp"
#include "calendar/routes.hpp"
#include "calls/routes.hpp"
#include "crm/routes.hpp"
#include "http/system_routes.hpp"
#include "http/upload.hpp"
#include "org/routes.hpp"
#include "reporting/routes.hpp"
#include "sales/routes.hpp"

namespace waihu::app {

namespace {
db::DbUrl prepare(const Config& c) {
  std::filesystem::create_directories(c.data_dir);
  return db::parse_db_url(c.db_url, c.data_dir);
}
}  // namespace

App::App(const Config& c)
    : config(c),
      db(prepare(c), {.pool_size = c.pool_size, .statement_timeout_ms = c.statement_timeout_ms}),
      audit(db, time),
      org(db, time),
      auth(db, clock, org),
      customers(db, clock, phones, org),
      importer(db, clock, phones, org),
      exporter(db, time, customers, org),
      follow_ups(db, time, customers),
      calls(db, time, phones, customers, org, follow_ups),
      cdr_importer(db, clock, phones, customers, org),
      deals(db, time, customers, org),
      deal_importer(db, time, phones, customers, org),
      activity(db, time, org),
      timeline(db, org, customers, calls, follow_ups, deals, audit),
      desk(time, activity, customers),
      work_calendar(db, clock),
      overview(db, time, org),
      idempotency(db, clock),
      web(http::find_web_root(c.web_dir)) {}

void App::register_routes(http::Router& router) {
  router.set_time(time);
  router.set_authenticator([this](const std::string& token) { return auth.authenticate(token); });
  router.set_idempotency(&idempotency);
  http::register_system_routes(
      router,
      [this] {
        return db.read([](soci::session& sql) {
          long long v = 0;
          sql << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", soci::into(v);
          return static_cast<int>(v);
        });
      },
      web);
  org::register_routes(router, org, auth);
  http::register_upload_routes(router, config.data_dir);
  crm::register_routes(router, {customers, importer, exporter, config.data_dir});
  calls::register_routes(router, config.data_dir, calls, cdr_importer, follow_ups, activity);
  sales::register_routes(router, config.data_dir, deals, deal_importer);
  audit::register_routes(router, config.data_dir, audit);
  reporting::register_routes(router, timeline, desk, overview);
  register_template_routes(router, config.data_dir);
  calendar::register_routes(router, work_calendar);
}

}  // namespace waihu::app
