// `waihu init` and `waihu serve`.
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/test_clock.hpp"
#include "cli/cli.hpp"
#include "http/server.hpp"
#include "org/credentials.hpp"

namespace waihu::cli {

void add_init(CLI::App& root, Shared& s) {
  auto* cmd = root.add_subcommand("init", "create the database and the admin account (optionally a demo company)");
  struct Opts {
    bool demo = false;
    std::string admin_password;
    std::string company;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_flag("--demo", o->demo, "fill a believable telesales company: teams, ~35 people, 5,000 customers");
  cmd->add_option("--admin-password", o->admin_password, "password for `admin` (generated and printed if absent)");
  cmd->add_option("--company", o->company, "name of the top team (default 总部, or 华信科技 with --demo)");
  cmd->callback([&s, o] {
    s.action = [&s, o] {
      auto app = s.open(false);
      if (app->db.schema_version() > 0 && app->org.find_user("admin")) {
        std::cerr << "error: " << app->db.url().display << " is already initialised (it has an admin account)\n";
        return 1;
      }
      app->db.migrate();
      std::string password = o->admin_password.empty() ? org::generate_password() : o->admin_password;
      std::string company = !o->company.empty() ? o->company : o->demo ? "华信科技" : "总部";
      auto root_team = app->org.create_team(nullptr, company, std::nullopt);
      org::NewUser admin;
      admin.username = "admin";
      admin.display_name = "系统管理员";
      admin.role = org::Role::kAdmin;
      admin.team_id = root_team.id;
      admin.password = password;
      admin.employment_status = org::EmploymentStatus::kRegular;
      app->org.create_user(nullptr, admin);
      app->ensure_policy();
      std::cout << "initialised " << app->db.url().display << " (schema " << app->db.schema_version() << ")\n";
      if (o->admin_password.empty()) std::cout << "admin password (shown once): " << password << "\n";
      if (o->demo) std::cout << app::seed_demo(*app, root_team.id, "demo1234") << "; demo password: demo1234\n";
      return 0;
    };
  });
}

void add_serve(CLI::App& root, Shared& s) {
  auto* cmd = root.add_subcommand("serve", "serve the JSON API (and the web app) over HTTP");
  auto o = std::make_shared<http::ServerOptions>();
  auto max_body_kb = std::make_shared<size_t>(1024);
  auto max_upload_mb = std::make_shared<size_t>(64);
  auto db_pool = std::make_shared<size_t>(0);
  auto statement_timeout_s = std::make_shared<int>(30);
  cmd->add_option("--port", o->port, "port (0: any free port)")->capture_default_str();
  cmd->add_option("--host", o->host, "address to listen on")->capture_default_str();
  cmd->add_option("--workers", o->workers, "handler threads (and database connections)")->capture_default_str();
  cmd->add_option("--max-body-kb", *max_body_kb, "largest JSON body accepted")->capture_default_str();
  cmd->add_option("--max-upload-mb", *max_upload_mb, "largest import upload accepted")->capture_default_str();
  cmd->add_option("--db-pool", *db_pool, "database connections (default: one per handler thread)")
      ->envname("WAIHU_DB_POOL");
  cmd->add_option("--statement-timeout", *statement_timeout_s,
                  "PostgreSQL: seconds a statement may run before it is cancelled and answered 503 (0: no limit)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--body-timeout", o->body_idle_seconds,
                  "seconds a request body may stop arriving before the request is answered 408")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  auto behind_tls = std::make_shared<bool>(false);
  cmd->add_flag("--behind-tls", *behind_tls,
                "served over HTTPS by a proxy in front: the session cookie is marked Secure (X-Forwarded-Proto: https "
                "does it per request)")
      ->envname("WAIHU_BEHIND_TLS");
  cmd->add_option("--web", s.config.web_dir, "the web app's build (default: web/dist of this checkout)");
  auto test_clock = std::make_shared<bool>(false);
  cmd->add_flag("--test-clock", *test_clock,
                "tests only: POST /api/v1/test/clock sets the server's time (refused unless WAIHU_TEST_CLOCK=1)");
  cmd->callback([&s, o, max_body_kb, max_upload_mb, db_pool, statement_timeout_s, behind_tls, test_clock] {
    s.action = [&s, o, max_body_kb, max_upload_mb, db_pool, statement_timeout_s, behind_tls, test_clock] {
      const char* allowed = std::getenv(app::kTestClockEnv);
      if (*test_clock && (!allowed || std::string_view(allowed) != "1")) {
        std::cerr << "--test-clock is for test servers only: set " << app::kTestClockEnv << "=1 to allow it\n";
        return 2;
      }
      o->max_body_bytes = *max_body_kb * 1024;
      o->max_upload_bytes = *max_upload_mb << 20;
      s.config.pool_size = *db_pool ? *db_pool : o->workers;
      s.config.statement_timeout_ms = *statement_timeout_s * 1000;
      auto app = s.open(true);
      http::Router router;
      router.set_behind_tls(*behind_tls);
      app->register_routes(router);
      if (*test_clock) {
        app::register_test_clock_routes(router, app->clock);
        spdlog::warn(
            "test clock on: POST /api/v1/test/clock sets this server's time; days and months close only "
            "when asked (a clock that jumps would race the closing run)");
      }
      http::Server server(router, *o);
      if (!app->web.available()) {
        spdlog::warn("no web app build in {}: serving the API only (build it: cd web && npm ci && npm run build)",
                     app->web.root());
      }
      // Versions published by another process (`waihu policy apply`) reach this server within half a minute; a
      // day that is over is closed (quotas, attendance → the ledger) within half a minute of midnight, once.
      std::mutex stop_mutex;
      std::condition_variable stop_signal;
      bool stopping = false;
      std::thread policy_refresher([&] {
        std::unique_lock lock(stop_mutex);
        while (!stop_signal.wait_for(lock, std::chrono::seconds(30), [&] { return stopping; })) {
          lock.unlock();
          try {
            app->in_force.reload();
          } catch (const std::exception& e) {
            spdlog::warn("policy versions not re-read: {}", e.what());
          }
          // With the test clock a test moves time as it likes and closes what it means to close: the half-minute
          // run would race it (and mark where evaluation starts from whatever time the clock held then).
          if (*test_clock) {
            lock.lock();
            continue;
          }
          try {
            for (const auto& r : app->closer.close_due())
              spdlog::info("closed {}: {} people, {} ledger entries", r.day.str(), r.people, r.entries);
            for (const auto& r : app->months.close_due())
              spdlog::info("closed {}: {} people, {} bonuses, {} penalties", r.month.str(), r.people, r.bonuses,
                           r.penalties);
          } catch (const std::exception& e) {
            spdlog::warn("days not closed: {}", e.what());
          }
          lock.lock();
        }
      });
      server.run([&](unsigned short port) {
        std::cout << "Waihu listening on http://" << o->host << ":" << port << std::endl;
      });
      {
        std::lock_guard lock(stop_mutex);
        stopping = true;
      }
      stop_signal.notify_all();
      policy_refresher.join();
      return 0;
    };
  });
}

}  // namespace waihu::cli
