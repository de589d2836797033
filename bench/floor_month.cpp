#include "floor_month.hpp"

#include "db/row_inserter.hpp"

namespace waihu::bench {

Floor make_floor(app::App& app, int departments, int groups_each) {
  Floor f;
  f.root = app.org.create_team(nullptr, "华信科技", std::nullopt).id;
  org::NewUser admin;
  admin.username = "admin";
  admin.role = org::Role::kAdmin;
  admin.team_id = f.root;
  admin.password = "bench-admin-1";
  f.admin = app.org.create_user(nullptr, admin).id;
  for (int d = 0; d < departments; ++d) {
    const auto dept = app.org.create_team(nullptr, "电销" + std::to_string(d + 1) + "部", f.root);
    f.departments.push_back(dept.id);
    for (int g = 0; g < groups_each; ++g)
      f.groups.push_back(app.org.create_team(nullptr, dept.name + std::to_string(g + 1) + "组", dept.id).id);
  }
  return f;
}

std::vector<long long> insert_people(app::App& app, const std::vector<NewPerson>& people) {
  std::vector<long long> ids;
  app.db.write([&](soci::session& sql) {
    db::RowInserter users(sql, app.db.dialect(), "users",
                          {"username", "display_name", "role", "team_id", "password_hash", "hired_on",
                           "employment_status", "created_at", "updated_at"});
    for (size_t i = 0; i < people.size(); ++i) {
      const std::string name = people[i].role + std::to_string(1000 + i);
      users.text(name).text(name).text(people[i].role).integer(people[i].team_id);
      users.text("!").text(people[i].hired_on).text(people[i].status).integer(0).integer(0);
      ids.push_back(users.insert());
    }
  });
  return ids;
}

std::vector<calendar::LocalDate> days_of(const calendar::Month& month, const std::vector<calendar::Weekday>& weekdays) {
  std::vector<calendar::LocalDate> days;
  for (auto d = month.first(); d <= month.last(); d = d.plus_days(1))
    for (auto w : weekdays)
      if (d.weekday() == w) days.push_back(d);
  return days;
}

long long insert_calls(app::App& app, const std::vector<long long>& callers,
                       const std::vector<calendar::LocalDate>& days, long long per_day, std::mt19937_64& rng) {
  long long count = 0;
  app.db.write([&](soci::session& sql) {
    db::BulkWriteTuning tuning(sql, app.db.dialect());
    db::RowInserter in(sql, app.db.dialect(), "calls",
                       {"agent_id", "number", "direction", "started_at", "answered_at", "ended_at", "ring_seconds",
                        "talk_seconds", "result", "effective", "source", "created_at"},
                       {.returns_id = false, .batched = true});
    std::string number;
    for (const auto& day : days) {
      const long long nine = app.time.bounds(day).from + 9 * 3600;
      for (long long agent : callers) {
        for (long long k = 0; k < per_day; ++k) {
          const long long started = nine + k * (8 * 3600 / per_day) + static_cast<long long>(rng() % 30);
          const bool answered = rng() % 3 == 0;
          const long long talk = answered ? static_cast<long long>(rng() % 300) : 0;
          number = "+86138" + std::to_string(10000000 + rng() % 90000000);
          in.integer(agent).text(number).text("outbound").integer(started);
          if (answered)
            in.integer(started + 8);
          else
            in.null();
          in.integer(started + 8 + talk).integer(8).integer(talk);
          in.text(answered ? "connected" : "no_answer").integer(answered && talk >= 30 ? 1 : 0).text("agent");
          in.integer(started + 8 + talk);
          in.insert();
          ++count;
        }
      }
    }
    in.flush();
  });
  return count;
}

}  // namespace waihu::bench
