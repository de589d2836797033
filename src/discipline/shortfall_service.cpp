#include "discipline/shortfall_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "discipline/request_store.hpp"
#include "org/rules.hpp"
#include "quota/rules.hpp"
#include "util/strings.hpp"

namespace waihu::discipline {

namespace {
const std::string kStay = "stay_late", kSunday = "sunday_overtime";
bool any_short(const std::vector<quota::QuotaResult>& r) {
  return std::any_of(r.begin(), r.end(), [](const quota::QuotaResult& q) { return q.short_by > 0; });
}
// The Sunday the week's overtime falls on: the first Sunday on or after its last day.
calendar::LocalDate sunday_after(const calendar::Period& week) {
  calendar::LocalDate d = week.to;
  while (d.weekday() != calendar::Weekday::kSunday) d = d.plus_days(1);
  return d;
}
}  // namespace

std::vector<org::User> ShortfallService::people(const org::Actor& actor, std::optional<long long> team_id) {
  if (!org::has_right(actor.role, org::Right::kViewOverview))
    throw Forbidden("forbidden",
                    "查看留下加班名单需要主管及以上权限 / the stay-late lists are for supervisors and above");
  std::set<long long> teams;
  if (team_id) {
    // A team the reader's scope reaches, and the teams below it.
    const org::ScopeFilter scope = org::scope_filter(actor);
    const auto all = org_.list_teams();
    const bool known = std::any_of(all.begin(), all.end(), [&](const org::Team& t) { return t.id == *team_id; });
    const bool visible =
        scope.all || std::find(scope.team_ids.begin(), scope.team_ids.end(), *team_id) != scope.team_ids.end();
    if (!known || !visible) throw NotFound("team.not_found", "团队不存在 / no such team");
    for (long long t : org::team_subtree(all, *team_id)) teams.insert(t);
  }
  std::vector<org::User> out;
  for (auto& u : org_.users_in_scope(actor)) {
    if (u.disabled || u.employment_status == org::EmploymentStatus::kLeft || u.role != org::Role::kAgent) continue;
    if (team_id && !teams.count(u.team_id)) continue;
    out.push_back(std::move(u));
  }
  return out;
}

ShortfallDay ShortfallService::day_of(const std::vector<org::User>& people, const calendar::LocalDate& day) {
  const DayRules rules = rules_(day);
  ShortfallDay out;
  out.day = day;
  if (!rules.quotas || !rules.quotas->shortfall || !rules.working_day) return out;
  const quota::ShortfallRule& r = *rules.quotas->shortfall;
  out.rule = r;
  const long long midnight = time_.bounds(day).from;
  out.check_at = midnight + r.check_minute * 60LL;
  if (r.stay_late_minutes) out.extension_end = midnight + (rules.workday_end + *r.stay_late_minutes) * 60LL;
  const long long now = time_.now();
  out.checked = now >= out.check_at;
  out.extension_over = out.extension_end && now >= *out.extension_end;
  if (!out.checked) return out;
  std::vector<std::string> days{day.str()};
  std::map<long long, kpi::store::Figures> at_check, after;
  std::map<long long, long long> visits;
  std::set<long long> on_leave;
  std::map<std::pair<long long, std::string>, store::ShortfallMark> marks;
  std::map<long long, store::CountApproval> approvals;
  db_.read([&](soci::session& sql) {
    if (r.approval != quota::CountApproval::kNone) approvals = store::approvals(sql, day.str());
    at_check = days_.figures_until(sql, day, out.check_at);
    if (out.extension_end) after = days_.figures_until(sql, day, std::min(now, *out.extension_end));
    visits = store::visit_minutes_on(sql, day);
    for (auto& l : store::approved_leave_on(sql, day))
      if (leave_verdict(l, rules, time_) == LeaveVerdict::kExcused) on_leave.insert(l.user_id);
    marks = store::marks(sql, kStay, days);
  });
  std::map<long long, TeamCount> counts;
  for (const auto& u : people) {
    if (on_leave.count(u.id)) continue;
    if (!u.hired_on.empty() && day.str() < u.hired_on) continue;
    counts.try_emplace(u.team_id, TeamCount{u.team_id, "", 0, std::nullopt, ""});
    const quota::TimeOut out_time = time_out(rules, visits.count(u.id) ? visits.at(u.id) : 0);
    auto judge = [&](const std::map<long long, kpi::store::Figures>& f) {
      return quota::judge_person_day(*rules.quotas, u.hired_on, u.prior_months, day,
                                     kpi::store::named(f.count(u.id) ? f.at(u.id) : kpi::store::Figures{}), out_time)
          .results;
    };
    StayLateRow row{u.id, u.team_id, u.display_name, judge(at_check), {}, false, false, std::nullopt};
    if (!any_short(row.at_check)) continue;
    ++counts[u.team_id].short_count;
    if (out.extension_end) {
      row.after = judge(after);
      row.still_short = any_short(row.after);
      row.sunday_overtime =
          out.extension_over && quota::shortfall_consequence(r, true, row.still_short).sunday_overtime;
    }
    if (auto m = marks.find({u.id, day.str()}); m != marks.end()) row.done = m->second;
    out.rows.push_back(std::move(row));
  }
  if (r.approval == quota::CountApproval::kNone) return out;
  std::map<long long, std::string> team_names;
  for (const auto& t : org_.list_teams()) team_names[t.id] = t.name;
  for (auto& [team, count] : counts) {
    count.team_name = team_names[team];
    if (auto a = approvals.find(team); a != approvals.end()) {
      count.approval = a->second;
      count.approved_by_name = org_.get_user(nullptr, a->second.approved_by).display_name;
    }
    out.counts.push_back(std::move(count));
  }
  return out;
}

ShortfallDay ShortfallService::stay_late(const org::Actor& actor, const calendar::LocalDate& day,
                                         std::optional<long long> team_id) {
  return day_of(people(actor, team_id), day);
}

SundayWeek ShortfallService::sunday_overtime(const org::Actor& actor, const calendar::LocalDate& day,
                                             std::optional<long long> team_id) {
  const auto staff = people(actor, team_id);
  SundayWeek out;
  out.week = calendar::week_of(day, rules_(day).week_start);
  out.sunday = sunday_after(out.week);
  std::map<long long, SundayRow> rows;
  std::vector<long long> order;
  for (calendar::LocalDate d = out.week.from; d <= out.week.to && d <= time_.today(); d = d.plus_days(1)) {
    const DayRules rules = rules_(d);
    if (!rules.quotas || !rules.quotas->shortfall || rules.quotas->shortfall->sunday == quota::SundayOvertime::kNone)
      continue;
    for (const auto& r : day_of(staff, d).rows) {
      if (!r.sunday_overtime) continue;
      auto [it, fresh] = rows.try_emplace(r.user_id, SundayRow{r.user_id, r.team_id, r.name, {}, 0, std::nullopt});
      if (fresh) order.push_back(r.user_id);
      it->second.days.push_back(d);
      it->second.sessions =
          quota::sunday_sessions(rules.quotas->shortfall->sunday, static_cast<long long>(it->second.days.size()));
    }
  }
  const auto marks = db_.read([&](soci::session& sql) { return store::marks(sql, kSunday, {out.sunday.str()}); });
  for (long long id : order) {
    SundayRow row = rows.at(id);
    if (auto m = marks.find({id, out.sunday.str()}); m != marks.end()) row.done = m->second;
    out.rows.push_back(std::move(row));
  }
  return out;
}

store::ShortfallMark ShortfallService::mark(const org::Actor& actor, long long user_id, const std::string& kind,
                                            const calendar::LocalDate& day, const std::string& note) {
  if (!org::has_right(actor.role, org::Right::kEnterPoints))
    throw Forbidden("forbidden", "标记完成需要主管及以上权限 / marking it done is for supervisors and above");
  if (kind != kStay && kind != kSunday)
    throw BadRequest::field("kind", "应为 stay_late 或 sunday_overtime / stay_late or sunday_overtime");
  if (!org_.sees_records_of(actor, user_id)) throw NotFound("user.not_found", "用户不存在 / no such user");
  const std::string text(util::trim(note));
  if (text.size() > 2000) throw BadRequest::field("note", "太长 / too long");
  bool owed = false;
  const org::User u = org_.get_user(nullptr, user_id);
  if (kind == kStay) {
    for (const auto& r : day_of({u}, day).rows) owed = owed || r.user_id == user_id;
  } else {
    if (day.weekday() != calendar::Weekday::kSunday)
      throw BadRequest::field("date", "周日加班的日期应为周日 / Sunday overtime is marked on its Sunday");
    if (time_.today() < day) throw RuleViolation("shortfall.not_yet", "周日还没到 / that Sunday has not come yet");
    // The week whose overtime falls on this Sunday: the one holding the day before it.
    const SundayWeek w = sunday_overtime(actor, day.plus_days(-1), u.team_id);
    for (const auto& r : w.rows) owed = owed || (r.user_id == user_id && w.sunday == day);
  }
  if (!owed)
    throw RuleViolation("shortfall.not_owed", "此人这一天没有欠留下或周日加班 / nothing of the kind is owed that day");
  store::ShortfallMark m{user_id, day.str(), kind, actor.user_id, time_.now(), text};
  db_.write([&](soci::session& sql) {
    if (!store::add_mark(sql, m)) throw Conflict("shortfall.marked", "已标记完成 / marked done already");
  });
  return m;
}

TeamCount ShortfallService::approve(const org::Actor& actor, long long team_id, const calendar::LocalDate& day,
                                    const std::string& note) {
  const DayRules rules = rules_(day);
  const auto approval =
      rules.quotas && rules.quotas->shortfall ? rules.quotas->shortfall->approval : quota::CountApproval::kNone;
  if (approval == quota::CountApproval::kNone)
    throw RuleViolation("count.no_approval", "这一天的制度不要求审核统计结果 / the policy that day asks no sign-off");
  const bool manager = approval == quota::CountApproval::kManager;
  if (!org::has_right(actor.role, manager ? org::Right::kCloseDays : org::Right::kEnterPoints))
    throw Forbidden("forbidden", manager ? "统计结果由部门经理审核 / the department manager signs off the count"
                                         : "统计结果由主管审核 / the supervisor signs off the count");
  const std::string text(util::trim(note));
  if (text.size() > 2000) throw BadRequest::field("note", "太长 / too long");
  const ShortfallDay d = day_of(people(actor, team_id), day);
  if (!d.checked) throw RuleViolation("count.not_yet", "还没到统计时间 / the day has not been counted yet");
  auto count = std::find_if(d.counts.begin(), d.counts.end(), [&](const TeamCount& c) { return c.team_id == team_id; });
  if (count == d.counts.end())
    throw RuleViolation("count.nobody", "这个团队这一天没有要考核的人 / nobody on that team is judged that day");
  TeamCount out = *count;
  out.approval = store::CountApproval{team_id, day.str(), count->short_count, actor.user_id, time_.now(), text};
  out.approved_by_name = org_.get_user(nullptr, actor.user_id).display_name;
  db_.write([&](soci::session& sql) {
    if (!store::add_approval(sql, *out.approval))
      throw Conflict("count.approved", "这一天的统计已审核 / that day's count was signed off already");
    audit::record(sql, {0,
                        out.approval->approved_at,
                        actor.user_id,
                        "count.approve",
                        "team",
                        team_id,
                        {},
                        {{"day", day.str()}, {"short_count", count->short_count}},
                        {{"note", text}}});
  });
  return out;
}

}  // namespace waihu::discipline
