#include "discipline/service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/errors.hpp"
#include "db/keyset.hpp"
#include "discipline/attendance_rules.hpp"
#include "discipline/points_rules.hpp"
#include "kpi/day_store.hpp"
#include "org/rules.hpp"
#include "quota/rules.hpp"

namespace waihu::discipline {

namespace {
bool clocks_in(const DayRules& r, org::Role role) {
  if (!r.attendance) return false;
  const auto& roles = r.attendance->roles;
  return std::find(roles.begin(), roles.end(), std::string(org::role_name(role))) != roles.end();
}
bool has_quotas(const DayRules& r, org::Role role) { return r.quotas && role == org::Role::kAgent; }
}  // namespace

store::AttendanceRow DisciplineService::clock(const org::Actor& actor, bool in) {
  const long long now = time_.now();
  const calendar::LocalDate today = time_.date_at(now);
  return db_.write([&](soci::session& sql) {
    auto row = store::attendance(sql, actor.user_id, today);
    if (row && row->outcome)
      throw RuleViolation("attendance.day_closed", "这一天已结算，不能再打卡 / the day is closed; no more clocking");
    store::clock(sql, actor.user_id, today, now, in);
    return *store::attendance(sql, actor.user_id, today);
  });
}

std::vector<PersonDay> DisciplineService::days_of(const std::vector<org::User>& people, const calendar::LocalDate& day,
                                                  const DayRules& rules, bool closed) {
  std::vector<long long> ids;
  for (const auto& u : people) ids.push_back(u.id);
  if (ids.empty()) return {};
  std::map<long long, store::AttendanceRow> clocks;
  std::map<long long, std::vector<quota::QuotaResult>> quotas;
  std::map<long long, bool> new_hire;
  std::map<long long, kpi::store::Figures> figures;
  std::map<long long, std::vector<store::EntryRow>> entries;
  std::set<long long> on_leave;           // excused by approved leave: neither quota nor clock judged
  std::map<long long, long long> visits;  // minutes out on approved customer visits
  db_.read([&](soci::session& sql) {
    for (auto& r : store::attendance_of_day(sql, day, ids)) clocks[r.user_id] = r;
    if (closed) {
      for (auto& r : store::quota_days(sql, day, ids)) {
        quotas[r.user_id].push_back(r.result);
        new_hire[r.user_id] = r.new_hire;
      }
    } else {
      for (auto& r : kpi::store::stored(sql, {day, day}, ids)) figures[r.user_id] = r.figures;
      visits = store::visit_minutes_on(sql, day);
    }
    for (auto& e : store::entries(sql, {ids, day, day}, std::nullopt, 100000)) entries[e.user_id].push_back(e);
    for (auto& r : store::approved_leave_on(sql, day))
      if (leave_verdict(r, rules, time_) == LeaveVerdict::kExcused) on_leave.insert(r.user_id);
  });
  const size_t dials = kpi::store::metric_index("dials");
  std::vector<PersonDay> out;
  for (const auto& u : people) {
    PersonDay p;
    p.user_id = u.id;
    p.team_id = u.team_id;
    p.display_name = u.display_name;
    p.username = u.username;
    p.role = std::string(org::role_name(u.role));
    if (auto it = clocks.find(u.id); it != clocks.end()) p.attendance = it->second;
    if (closed) {
      p.quotas = quotas[u.id];
      p.new_hire = new_hire[u.id];
    } else if (on_leave.count(u.id)) {
      p.attendance_preview = "leave";
    } else if (has_quotas(rules, u.role)) {
      const auto f = figures.count(u.id) ? figures[u.id] : kpi::store::Figures{};
      auto pd = quota::judge_person_day(*rules.quotas, u.hired_on, u.prior_months, day, kpi::store::named(f),
                                        time_out(rules, visits.count(u.id) ? visits[u.id] : 0));
      p.quotas = std::move(pd.results);
      p.new_hire = pd.new_hire;
    }
    if (!closed && !on_leave.count(u.id) && clocks_in(rules, u.role) && rules.working_day) {
      AttendanceFacts facts{rules.workday_start, rules.workday_end, std::nullopt, std::nullopt,
                            figures.count(u.id) && figures[u.id][dials] > 0};
      if (p.attendance && p.attendance->clock_in_at) facts.clock_in = closer_.minute_of_day(*p.attendance->clock_in_at);
      if (p.attendance && p.attendance->clock_out_at)
        facts.clock_out = closer_.minute_of_day(*p.attendance->clock_out_at);
      // While today's workday runs, nobody has left early yet: the preview judges the clock-out once the workday
      // is over (and nothing before it starts).
      const int minute = closer_.minute_of_day(time_.now());
      const bool today = day == time_.today();
      if (today && !facts.clock_out && minute < rules.workday_end) facts.clock_out = rules.workday_end;
      if (!(today && minute < rules.workday_start && !facts.clock_in))
        p.attendance_preview = judge_day(*rules.attendance, facts).outcome;
    }
    p.still_short = std::any_of(p.quotas.begin(), p.quotas.end(), [](const auto& r) { return r.short_by > 0; });
    p.entries = entries[u.id];
    out.push_back(std::move(p));
  }
  return out;
}

PersonDay DisciplineService::my_day(const org::Actor& actor, std::optional<calendar::LocalDate> day) {
  const calendar::LocalDate d = day.value_or(time_.today());
  const org::User me = org_.get_user(nullptr, actor.user_id);
  return days_of({me}, d, rules_(d), closer_.is_closed(d)).front();
}

FloorDay DisciplineService::team_day(const org::Actor& actor, const calendar::LocalDate& day,
                                     std::optional<long long> team_id) {
  if (!org::has_right(actor.role, org::Right::kViewOverview))
    throw Forbidden("forbidden", "查看团队考核需要主管及以上权限 / the team's day is for supervisors and above");
  const DayRules rules = rules_(day);
  FloorDay out;
  out.day = day;
  out.closed = closer_.is_closed(day);
  out.working_day = rules.working_day;
  out.policy_version = rules.policy_version;
  out.workday_start = rules.workday_start;
  out.workday_end = rules.workday_end;
  out.has_quotas = rules.quotas != nullptr;
  out.has_attendance = rules.attendance != nullptr;
  std::set<long long> teams;
  if (team_id) {
    for (long long t : metrics_.team_within_scope(actor, *team_id, org_.list_teams())) teams.insert(t);
  }
  std::vector<org::User> people;
  for (auto& u : org_.users_in_scope(actor)) {
    if (u.disabled || u.employment_status == org::EmploymentStatus::kLeft) continue;
    if (team_id && !teams.count(u.team_id)) continue;
    if (!has_quotas(rules, u.role) && !clocks_in(rules, u.role) && u.role != org::Role::kAgent) continue;
    people.push_back(std::move(u));
  }
  out.people = days_of(people, day, rules, out.closed);
  return out;
}

LedgerMonth DisciplineService::ledger(const org::Actor& actor, const calendar::Month& month,
                                      std::optional<long long> user_id, const std::string& cursor, int limit) {
  const long long who = user_id.value_or(actor.user_id);
  if (who != actor.user_id && !org_.sees_records_of(actor, who))
    throw NotFound("user.not_found", "用户不存在 / no such user");
  std::optional<std::pair<std::string, long long>> after;
  if (auto c = db::cursor_param(cursor)) after = std::make_pair(c->value, c->id);
  const store::EntryFilter f{{who}, month.first(), month.last()};
  LedgerMonth out;
  db_.read([&](soci::session& sql) {
    auto rows = store::entries(sql, f, after, limit + 1);
    auto page = db::page_of(std::move(rows), limit, [](const store::EntryRow& e) {
      return db::Cursor{e.day.str(), e.id};
    });
    out.items = std::move(page.items);
    out.next_cursor = page.next_cursor;
    out.totals = store::totals(sql, f);
    out.closed = store::is_closed(sql, "month", month.str());
    if (out.closed) {
      auto kept = store::points_months(sql, month.str(), {who});
      if (!kept.empty()) out.points = kept.front().end;
    }
  });
  const DayRules end_rules = rules_(month.last());
  if (!out.closed && end_rules.points) out.points = judge_month(*end_rules.points, out.totals.points);
  // What the reader may still object to: own entries that cost something, within the window in force today.
  const long long now = time_.now();
  const DayRules today = rules_(time_.date_at(now));
  if (auto window = objection_window(today); who == actor.user_id && window) {
    for (const auto& e : out.items) {
      if (costs_something(e.entry.points, e.entry.fine_fen, e.entry.base_days_milli) && !e.objection &&
          e.source != "objection" && within_objection_window(*window, e.created_at, now))
        out.may_object.insert(e.id);
    }
  }
  return out;
}

}  // namespace waihu::discipline
