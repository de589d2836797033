// `waihu team …` and `waihu user …`.
#include <iostream>

#include "cli/cli.hpp"
#include "core/errors.hpp"
#include "org/credentials.hpp"
#include "org/rules.hpp"
#include "util/clock.hpp"

namespace waihu::cli {

namespace {
org::User user_named(app::App& app, const std::string& username) {
  auto u = app.org.find_user(username);
  if (!u) throw NotFound("user.not_found", "no user named '" + username + "'");
  return *u;
}
}  // namespace

void add_org_commands(CLI::App& root, Shared& s) {
  auto* team = root.add_subcommand("team", "teams (the organisation tree)");
  team->require_subcommand(1);

  auto* team_add = team->add_subcommand("add", "add a team");
  auto team_name = std::make_shared<std::string>();
  auto team_parent = std::make_shared<std::string>();
  team_add->add_option("NAME", *team_name, "team name")->required();
  team_add->add_option("--parent", *team_parent, "name of the team above it");
  team_add->callback([&s, team_name, team_parent] {
    s.action = [&s, team_name, team_parent] {
      auto app = s.open();
      std::optional<long long> parent;
      if (!team_parent->empty()) {
        auto p = app->org.find_team(*team_parent);
        if (!p) throw NotFound("team.not_found", "no team named '" + *team_parent + "'");
        parent = p->id;
      }
      auto t = app->org.create_team(nullptr, *team_name, parent);
      std::cout << "team " << t.id << " " << t.name << "\n";
      return 0;
    };
  });

  team->add_subcommand("list", "list teams as a tree")->callback([&s] {
    s.action = [&s] {
      auto app = s.open();
      auto teams = app->org.list_teams();
      std::function<void(std::optional<long long>, int)> print = [&](std::optional<long long> parent, int depth) {
        for (const auto& t : teams) {
          if (t.parent_id == parent) {
            std::cout << std::string(static_cast<size_t>(depth) * 2, ' ') << t.name << " (#" << t.id << ")\n";
            print(t.id, depth + 1);
          }
        }
      };
      print(std::nullopt, 0);
      return 0;
    };
  });

  auto* user = root.add_subcommand("user", "user accounts");
  user->require_subcommand(1);

  auto* user_add = user->add_subcommand("add", "add a user");
  struct AddOpts {
    std::string username, role, team, password, extension, hired, name, status;
    long long level = 1, prior_months = 0;
  };
  auto a = std::make_shared<AddOpts>();
  user_add->add_option("USERNAME", a->username, "login name: 3-32 of a-z 0-9 . _ -")->required();
  user_add->add_option("--role", a->role, "admin, manager, supervisor, agent, field_rep, qa or assistant")->required();
  user_add->add_option("--team", a->team, "team name")->required();
  user_add->add_option("--password", a->password, "password (generated and printed if absent)");
  user_add->add_option("--extension", a->extension, "phone extension (matches phone-system records)");
  user_add->add_option("--hired", a->hired, "hire date YYYY-MM-DD (default today)");
  user_add->add_option("--name", a->name, "display name (default the username)");
  user_add->add_option("--status", a->status, "employment status: probation (default), regular or left");
  user_add->add_option("--level", a->level, "业务级别 (1-99, drives base pay)")->capture_default_str();
  user_add->add_option("--prior-months", a->prior_months, "months of telesales before joining")->capture_default_str();
  user_add->callback([&s, a] {
    s.action = [&s, a] {
      auto app = s.open();
      auto role = org::parse_role(a->role);
      if (!role) throw BadRequest::field("role", "unknown role '" + a->role + "'");
      auto t = app->org.find_team(a->team);
      if (!t) throw NotFound("team.not_found", "no team named '" + a->team + "'");
      org::NewUser u;
      u.username = a->username;
      u.display_name = a->name;
      u.role = *role;
      u.team_id = t->id;
      u.password = a->password.empty() ? org::generate_password() : a->password;
      if (!a->extension.empty()) u.extension = a->extension;
      u.hired_on = a->hired;
      u.level = a->level;
      u.prior_months = a->prior_months;
      if (!a->status.empty()) {
        auto st = org::parse_employment_status(a->status);
        if (!st) throw BadRequest::field("status", "must be probation, regular or left");
        u.employment_status = *st;
      }
      auto created = app->org.create_user(nullptr, u);
      std::cout << "user " << created.id << " " << created.username << " (" << org::role_name(created.role) << ")\n";
      if (a->password.empty()) std::cout << "password (shown once): " << u.password << "\n";
      return 0;
    };
  });

  user->add_subcommand("list", "list users")->callback([&s] {
    s.action = [&s] {
      auto app = s.open();
      std::map<long long, std::string> team_names;
      for (const auto& t : app->org.list_teams()) team_names[t.id] = t.name;
      std::string cursor;
      std::printf("%-6s %-16s %-12s %-12s %-10s %-10s %s\n", "id", "username", "role", "team", "extension", "hired",
                  "status");
      do {
        auto page = app->org.list_users(nullptr, {}, cursor, kMaxPageSize);
        for (const auto& u : page.items) {
          std::printf("%-6lld %-16s %-12s %-12s %-10s %-10s %s\n", u.id, u.username.c_str(),
                      std::string(org::role_name(u.role)).c_str(), team_names[u.team_id].c_str(),
                      u.extension.value_or("-").c_str(), u.hired_on.c_str(),
                      u.disabled ? "disabled" : std::string(org::employment_status_name(u.employment_status)).c_str());
        }
        cursor = page.next_cursor.value_or("");
      } while (!cursor.empty());
      return 0;
    };
  });

  auto* passwd = user->add_subcommand("passwd", "set a user's password (signs them out everywhere)");
  auto pw_user = std::make_shared<std::string>();
  auto pw = std::make_shared<std::string>();
  passwd->add_option("USERNAME", *pw_user)->required();
  passwd->add_option("--password", *pw, "new password (generated and printed if absent)");
  passwd->callback([&s, pw_user, pw] {
    s.action = [&s, pw_user, pw] {
      auto app = s.open();
      std::string password = pw->empty() ? org::generate_password() : *pw;
      app->org.set_password(nullptr, user_named(*app, *pw_user).id, password);
      std::cout << "password changed for " << *pw_user << "\n";
      if (pw->empty()) std::cout << "password (shown once): " << password << "\n";
      return 0;
    };
  });

  auto* disable = user->add_subcommand("disable", "disable an account (signs it out; it can no longer log in)");
  auto dis_user = std::make_shared<std::string>();
  disable->add_option("USERNAME", *dis_user)->required();
  disable->callback([&s, dis_user] {
    s.action = [&s, dis_user] {
      auto app = s.open();
      org::UserPatch p;
      p.disabled = true;
      app->org.update_user(nullptr, user_named(*app, *dis_user).id, p);
      std::cout << "disabled " << *dis_user << "\n";
      return 0;
    };
  });

  auto* enable = user->add_subcommand("enable", "re-enable a disabled account");
  auto en_user = std::make_shared<std::string>();
  enable->add_option("USERNAME", *en_user)->required();
  enable->callback([&s, en_user] {
    s.action = [&s, en_user] {
      auto app = s.open();
      org::UserPatch p;
      p.disabled = false;
      app->org.update_user(nullptr, user_named(*app, *en_user).id, p);
      std::cout << "enabled " << *en_user << "\n";
      return 0;
    };
  });
}

}  // namespace waihu::cli
