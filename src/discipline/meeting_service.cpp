#include "discipline/meeting_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/errors.hpp"
#include "db/keyset.hpp"
#include "discipline/request_store.hpp"
#include "discipline/store.hpp"
#include "org/rules.hpp"
#include "util/strings.hpp"

namespace waihu::discipline {

namespace {
const char* kNotFound = "会议不存在 / no such meeting";
bool in_scope_team(const org::Actor& actor, long long team_id) {
  const org::ScopeFilter scope = org::scope_filter(actor);
  return scope.all || std::find(scope.team_ids.begin(), scope.team_ids.end(), team_id) != scope.team_ids.end();
}
}  // namespace

MeetingView MeetingService::hold(const org::Actor& actor, const NewMeeting& in) {
  if (!org::has_right(actor.role, org::Right::kEnterPoints))
    throw Forbidden("forbidden", "召开会议需要主管及以上权限 / holding a meeting is for supervisors and above");
  const auto teams = org_.list_teams();
  if (std::none_of(teams.begin(), teams.end(), [&](const org::Team& t) { return t.id == in.team_id; }) ||
      !in_scope_team(actor, in.team_id))
    throw NotFound("team.not_found", "团队不存在 / no such team");
  const calendar::LocalDate day = time_.date_at(in.starts_at);
  const DayRules rules = rules_(day);
  const MeetingKind* kind = rules.meetings ? rules.meetings->find(in.kind) : nullptr;
  if (!kind) throw BadRequest::field("kind", "制度中没有这种会议 / the rules name no such meeting");
  const std::string title(util::trim(in.title));
  if (title.empty()) throw BadRequest::field("title", "必填 / required", "validation.required");
  if (title.size() > 200) throw BadRequest::field("title", "太长 / too long");
  if (in.minutes < 0 || in.minutes > 480) throw BadRequest::field("minutes", "应在 5–480 之间 / 5 to 480");
  const auto subtree = org::team_subtree(teams, in.team_id);
  std::vector<long long> invitees;
  for (const auto& u : org_.users_in_scope(org::system_actor())) {
    if (u.disabled || u.employment_status == org::EmploymentStatus::kLeft || u.id == actor.user_id) continue;
    if (std::find(subtree.begin(), subtree.end(), u.team_id) == subtree.end()) continue;
    if (!u.hired_on.empty() && day.str() < u.hired_on) continue;
    invitees.push_back(u.id);
  }
  store::Meeting m{0,
                   in.kind,
                   title,
                   in.team_id,
                   in.starts_at,
                   in.minutes ? in.minutes : kind->minutes,
                   actor.user_id,
                   time_.now(),
                   std::nullopt,
                   rules.policy_version};
  m.id = db_.write([&](soci::session& sql) { return store::add_meeting(sql, m, invitees); });
  return view(actor, m, true);
}

store::Meeting MeetingService::visible(const org::Actor& actor, long long id, bool& invitee_only) {
  auto m = db_.read([&](soci::session& sql) { return store::meeting(sql, id); });
  if (!m) throw NotFound("meeting.not_found", kNotFound);
  invitee_only = false;
  if (org::data_scope(actor.role) != org::Scope::kOwn && in_scope_team(actor, m->team_id)) return *m;
  if (m->held_by == actor.user_id) return *m;
  const auto people = db_.read([&](soci::session& sql) { return store::attendees(sql, id); });
  if (std::any_of(people.begin(), people.end(), [&](const store::Attendee& a) { return a.user_id == actor.user_id; })) {
    invitee_only = true;
    return *m;
  }
  throw NotFound("meeting.not_found", kNotFound);
}

MeetingView MeetingService::view(const org::Actor& actor, store::Meeting m, bool whole) {
  MeetingView v;
  const DayRules rules = rules_(time_.date_at(m.starts_at));
  if (rules.meetings)
    if (const MeetingKind* k = rules.meetings->find(m.kind)) v.kind = *k;
  for (const auto& t : org_.list_teams())
    if (t.id == m.team_id) v.team_name = t.name;
  std::vector<long long> ids{m.held_by};
  if (whole) {
    bool invitee_only = false;
    visible(actor, m.id, invitee_only);
    auto people = db_.read([&](soci::session& sql) { return store::attendees(sql, m.id); });
    for (auto& a : people) {
      if (invitee_only && a.user_id != actor.user_id) continue;
      ids.push_back(a.user_id);
      v.attendees.push_back(std::move(a));
    }
    v.may_mark = !invitee_only && !m.closed_at && org::has_right(actor.role, org::Right::kEnterPoints);
  } else {
    // A list shows each invitee how they were marked.
    for (auto& a : db_.read([&](soci::session& sql) { return store::attendees(sql, m.id); }))
      if (a.user_id == actor.user_id) v.attendees.push_back(std::move(a));
  }
  v.names = org_.people_names(ids);
  v.m = std::move(m);
  return v;
}

Page<MeetingView> MeetingService::list(const org::Actor& actor, long long from, long long to, const std::string& cursor,
                                       int limit) {
  if (to <= from) throw BadRequest::field("to", "结束早于开始 / before the start");
  store::MeetingFilter f{from, to, false, {}, actor.user_id};
  const org::ScopeFilter scope = org::scope_filter(actor);
  f.all = scope.all;
  f.team_ids = scope.team_ids;
  std::optional<std::pair<long long, long long>> after;
  if (auto c = db::cursor_param(cursor)) after = std::make_pair(std::stoll(c->value.empty() ? "0" : c->value), c->id);
  auto rows = db_.read([&](soci::session& sql) { return store::meetings(sql, f, after, limit + 1); });
  auto page = db::page_of(std::move(rows), limit, [](const store::Meeting& m) {
    return db::Cursor{std::to_string(m.starts_at), m.id};
  });
  Page<MeetingView> out;
  out.next_cursor = page.next_cursor;
  for (auto& m : page.items) out.items.push_back(view(actor, std::move(m), false));
  return out;
}

std::vector<MeetingKind> MeetingService::kinds(const calendar::LocalDate& day) {
  const DayRules rules = rules_(day);
  return rules.meetings ? rules.meetings->kinds : std::vector<MeetingKind>{};
}

MeetingView MeetingService::get(const org::Actor& actor, long long id) {
  bool invitee_only = false;
  return view(actor, visible(actor, id, invitee_only), true);
}

MeetingView MeetingService::record(const org::Actor& actor, long long id, const std::vector<MarkedAttendance>& marks,
                                   bool close) {
  bool invitee_only = false;
  const store::Meeting m = visible(actor, id, invitee_only);
  if (invitee_only || !org::has_right(actor.role, org::Right::kEnterPoints))
    throw Forbidden("forbidden", "点名需要主管及以上权限 / taking the attendance is for supervisors and above");
  if (m.closed_at) throw Conflict("meeting.closed", "这次会议的出勤已结束 / the attendance is closed");
  const long long now = time_.now();
  if (close && now < m.starts_at)
    throw RuleViolation("meeting.not_started", "会议开始后才能结束点名 / close the attendance once it has begun");
  const calendar::LocalDate day = time_.date_at(m.starts_at);
  const DayRules rules = rules_(day);
  const MeetingKind* kind = rules.meetings ? rules.meetings->find(m.kind) : nullptr;
  db_.write([&](soci::session& sql) {
    std::map<long long, store::Attendee> people;
    for (auto& a : store::attendees(sql, id)) people[a.user_id] = std::move(a);
    for (const auto& mk : marks) {
      auto it = people.find(mk.user_id);
      if (it == people.end()) throw BadRequest::field("marks", "此人没有受邀 / not invited to this meeting");
      if (!parse_attendance(mk.status))
        throw BadRequest::field("marks",
                                "应为 present、late、left_early、absent 或 excused / present, late, left_early, "
                                "absent or excused");
      if (mk.note.size() > 500) throw BadRequest::field("marks", "说明太长 / note too long");
      it->second.status = mk.status;
      it->second.note = std::string(util::trim(mk.note));
      store::set_attendance(sql, it->second);
    }
    if (!close) return;
    std::set<long long> on_leave;
    for (auto& l : store::approved_leave_on(sql, day))
      if (leave_verdict(l, rules, time_) == LeaveVerdict::kExcused) on_leave.insert(l.user_id);
    const PointsItem* item = nullptr;
    if (kind && rules.points)
      for (const auto& i : rules.points->items)
        if (i.key == kind->missed_item) item = &i;
    for (auto& [user, a] : people) {
      if (!a.status) throw BadRequest::field("marks", "还有人没点名 / someone is not marked yet");
      Attendance status = *parse_attendance(*a.status);
      if (on_leave.count(user) && status != Attendance::kPresent) {
        status = Attendance::kExcused;
        a.status = std::string(attendance_name(status));
        a.note = a.note.empty() ? "请假 / on leave" : a.note;
      }
      if (item && attendance_costs(status)) {
        store::EntryRow e;
        e.user_id = user;
        e.day = day;
        e.entry = {item->key,
                   item->points,
                   item->fine_fen,
                   0,
                   "meetings." + m.kind,
                   m.title + "（" + day.str() + " " + util::clock_time((m.starts_at - time_.bounds(day).from) / 60) +
                       "）" + std::string(attendance_name(status)) + " / meeting #" + std::to_string(m.id)};
        e.policy_version = rules.policy_version;
        e.source = "manual";
        e.reason = a.note.empty() ? std::string(attendance_name(status)) : a.note;
        e.entered_by = actor.user_id;
        e.created_at = now;
        a.entry_id = store::add_entry(sql, e, "meeting:" + std::to_string(m.id) + ":" + std::to_string(user));
      }
      store::set_attendance(sql, a);
    }
    if (!store::close_meeting(sql, id, now))
      throw Conflict("meeting.closed", "这次会议的出勤已结束 / the attendance is closed");
  });
  return get(actor, id);
}

}  // namespace waihu::discipline
