#include "discipline/closing.hpp"

#include <algorithm>
#include <cstdio>

#include "core/errors.hpp"
#include "discipline/attendance_rules.hpp"
#include "discipline/report_section.hpp"
#include "discipline/report_store.hpp"
#include "discipline/request_rules.hpp"
#include "discipline/store.hpp"
#include "kpi/day_store.hpp"
#include "org/rules.hpp"
#include "org/store.hpp"
#include "quota/rules.hpp"
#include "util/strings.hpp"

namespace waihu::discipline {

namespace {
const std::string kDay = "day";
}  // namespace

std::vector<org::User> judged_people(soci::session& sql, const calendar::LocalDate& day) {
  return org::store::staff_on(sql, day.str());
}

bool role_listed(const std::vector<std::string>& roles, org::Role role) {
  return std::find(roles.begin(), roles.end(), std::string(org::role_name(role))) != roles.end();
}

LeaveVerdict leave_verdict(const store::StaffRequest& r, const DayRules& rules, const calendar::CompanyTime& time) {
  if (!rules.leave) return LeaveVerdict::kNotApproved;
  LeaveFacts f;
  f.kind = r.kind;
  f.from = r.from;
  f.to = r.to;
  f.requested_on = time.date_at(r.requested_at);
  if (r.state == "approved") f.approved_at = r.decided_at;
  f.first_day_starts_at = time.bounds(r.from).from;
  f.has_certificate = r.certificate_file.has_value();
  return judge_leave(*rules.leave, f);
}

quota::TimeOut time_out(const DayRules& rules, long long visit_minutes) {
  const long long workday = std::max(0, rules.workday_end - rules.workday_start);
  return {std::min(visit_minutes, workday), workday};
}

std::optional<long long> objection_window(const DayRules& rules) {
  if (rules.points) return rules.points->objection_days;
  if (rules.reports) return rules.reports->objection_days;
  return std::nullopt;
}

IsWorking working_days(const RulesAt& rules) {
  return [rules](const calendar::LocalDate& d) { return rules(d).working_day; };
}

DueReport report_due(const ReportRule& rule, const ReportPeriod& p, const RulesAt& rules,
                     const calendar::CompanyTime& time) {
  DueReport d{&rule, p, due_date(rule, p, working_days(rules)), 0};
  d.due_at = time.bounds(d.due_on).from + rule.due_minute * 60LL;
  return d;
}

std::vector<DueReport> reports_due_on(const DayRules& rules, const calendar::LocalDate& day, const RulesAt& all,
                                      const calendar::CompanyTime& time) {
  std::vector<DueReport> out;
  if (!rules.reports) return out;
  // The day itself is judged by the rules given (so a test's or a scenario's rules need not answer for it twice).
  const IsWorking working = [&](const calendar::LocalDate& d) {
    return d == day ? rules.working_day : all(d).working_day;
  };
  for (const auto& rule : rules.reports->kinds)
    if (auto p = period_due_on(rule, day, rules.week_start, working)) {
      DueReport d{&rule, *p, day, time.bounds(day).from + rule.due_minute * 60LL};
      out.push_back(std::move(d));
    }
  return out;
}

std::optional<calendar::LocalDate> DayCloser::evaluation_start() {
  auto first = db_.read([&](soci::session& sql) { return store::first_closed(sql, kDay); });
  if (!first) return std::nullopt;
  return calendar::LocalDate::parse(*first);
}

int DayCloser::minute_of_day(long long at) const {
  const long long wall = time_.wall_seconds(at);
  return static_cast<int>(((wall % 86400) + 86400) % 86400 / 60);
}

bool DayCloser::is_closed(const calendar::LocalDate& day) {
  return db_.read([&](soci::session& sql) { return store::is_closed(sql, kDay, day.str()); });
}

CloseReport DayCloser::close_day(const org::Actor* actor, const calendar::LocalDate& day) {
  if (actor && !org::has_right(actor->role, org::Right::kCloseDays))
    throw Forbidden("forbidden", "关闭考核日需要经理或管理员权限 / closing a day needs a manager or an admin");
  const DayRules rules = rules_(day);
  const long long now = time_.now();
  const std::vector<DueReport> reports_due = reports_due_on(rules, day, rules_, time_);
  return db_.write([&](soci::session& sql) {
    CloseReport report;
    report.day = day;
    report.working_day = rules.working_day;
    if (store::is_closed(sql, kDay, day.str())) return report;
    if (!(day < time_.date_at(now)))
      throw BadRequest::field("date", "只能关闭已经过去的日子 / a day closes once it is over (" + day.str() + ")");
    report.closed_now = true;
    // Everything the day writes is gathered first and written at once (batched on PostgreSQL).
    std::vector<std::pair<store::EntryRow, std::string>> entries;
    std::vector<store::AttendanceRow> judgements;
    std::vector<store::QuotaDayRow> quota_rows;
    std::vector<std::pair<long long, std::string>> fund_shares;  // team, close key
    auto record = [&](const org::User& u, const Entry& e, const std::string& key, long long fund_fen = 0) {
      store::EntryRow row;
      row.user_id = u.id;
      row.day = day;
      row.entry = e;
      row.fund_fen = fund_fen;
      if (fund_fen > 0)
        fund_shares.emplace_back(u.team_id, "day:" + day.str() + ":" + std::to_string(u.id) + ":" + key);
      row.policy_version = rules.policy_version;
      row.source = "close";
      row.created_at = now;
      entries.emplace_back(std::move(row), "day:" + day.str() + ":" + std::to_string(u.id) + ":" + key);
      ++report.entries;
      report.fines_fen += e.fine_fen;
      report.points += e.points;
    };
    std::map<long long, store::AttendanceRow> clocks;
    auto judge = [&](const org::User& u, const AttendanceJudgement& j) {
      store::AttendanceRow row = clocks.count(u.id) ? clocks[u.id] : store::AttendanceRow{};
      row.user_id = u.id;
      row.day = day;
      row.outcome = j.outcome;
      row.late_minutes = j.late_minutes;
      row.early_minutes = j.early_minutes;
      row.policy_version = rules.policy_version;
      judgements.push_back(std::move(row));
    };
    std::optional<std::vector<org::User>> everyone;
    auto people_of_day = [&]() -> const std::vector<org::User>& {
      if (!everyone) everyone = judged_people(sql, day);
      return *everyone;
    };
    if (rules.working_day && (rules.quotas || rules.attendance)) {
      const auto& people = people_of_day();
      std::vector<long long> ids;
      for (const auto& u : people) ids.push_back(u.id);
      std::map<long long, kpi::store::Figures> figures;
      for (auto& r : kpi::store::stored(sql, {day, day}, ids)) figures[r.user_id] = r.figures;
      for (auto& r : store::attendance_of_day(sql, day, {})) clocks[r.user_id] = r;
      const auto visits = store::visit_minutes_on(sql, day);
      // Leave that excuses the day: neither quota nor clock is judged.
      std::map<long long, store::StaffRequest> excused;
      for (auto& r : store::approved_leave_on(sql, day))
        if (leave_verdict(r, rules, time_) == LeaveVerdict::kExcused) excused[r.user_id] = r;
      const size_t dials = kpi::store::metric_index("dials");
      for (const auto& u : people) {
        const kpi::store::Figures f = figures.count(u.id) ? figures[u.id] : kpi::store::Figures{};
        if (auto leave = excused.find(u.id); leave != excused.end()) {
          AttendanceJudgement on_leave;
          on_leave.outcome = "leave";
          judge(u, on_leave);
          ++report.people;
          continue;
        }
        bool judged = false;
        if (rules.quotas && u.role == org::Role::kAgent) {
          judged = true;
          const long long out = visits.count(u.id) ? visits.at(u.id) : 0;
          const auto pd = quota::judge_person_day(*rules.quotas, u.hired_on, u.prior_months, day, kpi::store::named(f),
                                                  time_out(rules, out));
          for (const auto& r : pd.results) quota_rows.push_back({u.id, r, pd.new_hire, rules.policy_version});
          for (const auto& r : pd.results) {
            if (r.fine_fen == 0) continue;
            record(u,
                   {"quota_short", 0, r.fine_fen, 0, "quotas.daily." + r.metric,
                    r.metric + " " + std::to_string(r.actual) + "/" + std::to_string(r.target) + "，差 " +
                        std::to_string(r.short_by) + " / short by " + std::to_string(r.short_by) +
                        (r.target == r.full_target
                             ? ""
                             : "（外出拜访 " + std::to_string(out) + " 分钟，原指标 " + std::to_string(r.full_target) +
                                   " / a visit of " + std::to_string(out) + " min, from " +
                                   std::to_string(r.full_target) + "）")},
                   "quota:" + r.metric);
          }
        }
        if (rules.attendance && role_listed(rules.attendance->roles, u.role)) {
          judged = true;
          AttendanceFacts facts{rules.workday_start, rules.workday_end, std::nullopt, std::nullopt, f[dials] > 0};
          if (auto it = clocks.find(u.id); it != clocks.end()) {
            if (it->second.clock_in_at) facts.clock_in = minute_of_day(*it->second.clock_in_at);
            if (it->second.clock_out_at) facts.clock_out = minute_of_day(*it->second.clock_out_at);
          }
          const auto j = judge_day(*rules.attendance, facts);
          judge(u, j);
          for (size_t i = 0; i < j.entries.size(); ++i) record(u, j.entries[i], "attendance:" + j.entries[i].item);
        }
        if (judged) ++report.people;
      }
    }
    for (const auto& due : reports_due) {
      const std::string kind(report_kind_name(due.rule->kind));
      std::vector<const org::User*> writers;
      std::vector<long long> ids;
      for (const auto& u : people_of_day())
        if (role_listed(rules.reports->roles, u.role)) {
          writers.push_back(&u);
          ids.push_back(u.id);
        }
      const auto sent = store::submitted_at(sql, kind, due.period.name, ids);
      for (const org::User* u : writers) {
        std::optional<long long> at;
        if (auto it = sent.find(u->id); it != sent.end()) at = it->second;
        const ReportStanding standing = judge_report(at, due.due_at);
        auto cost = report_cost(*due.rule, standing);
        if (!cost) continue;
        auto local_time = [&](long long t) {
          return time_.date_at(t).str() + " " + util::clock_time(minute_of_day(t));
        };
        const std::string what = report_kind_zh(due.rule->kind) + " " + due.period.name;
        const std::string evidence =
            standing == ReportStanding::kMissing
                ? what + " 未提交 / " + kind + " report " + due.period.name + " missing"
                : what + " 迟交 " + local_time(*at) + " / " + kind + " report " + due.period.name + " late";
        record(*u, {due.rule->item, cost->points, cost->fine_fen, 0, "reports." + kind, evidence},
               "report:" + kind + ":" + due.period.name, cost->fund_fen);
      }
    }
    store::put_judgements(sql, db_.dialect(), day, judgements);
    store::put_quota_days(sql, db_.dialect(), day, quota_rows);
    store::add_entries(sql, db_.dialect(), entries);
    for (const auto& [team, key] : fund_shares)
      store::add_fund_share(sql, team, key, "罚款计入活动经费 / a share of a fine", now);
    const std::string summary =
        !rules.working_day ? "非工作日 / not a working day"
                           : std::to_string(report.people) + " people, " + std::to_string(report.entries) + " entries";
    store::mark_closed(sql, kDay, day.str(), now, actor ? std::optional<long long>(actor->user_id) : std::nullopt,
                       summary);
    return report;
  });
}

std::vector<CloseReport> DayCloser::close_due() {
  const calendar::LocalDate yesterday = time_.today().plus_days(-1);
  auto last = db_.read([&](soci::session& sql) { return store::last_closed(sql, kDay); });
  if (!last) {
    // The first run: evaluation starts today; nothing before it is judged.
    db_.write([&](soci::session& sql) {
      if (!store::last_closed(sql, kDay))
        store::mark_closed(sql, kDay, yesterday.str(), time_.now(), std::nullopt,
                           "起点：此前的日子不考核 / start: earlier days are not evaluated");
    });
    return {};
  }
  std::vector<CloseReport> out;
  calendar::LocalDate from = std::max(calendar::LocalDate::parse(*last)->plus_days(1), yesterday.plus_days(-30));
  for (calendar::LocalDate d = from; d <= yesterday; d = d.plus_days(1)) out.push_back(close_day(nullptr, d));
  return out;
}

}  // namespace waihu::discipline
