#include "discipline/meeting_store.hpp"

#include "db/query.hpp"

namespace waihu::discipline::store {

namespace {
const char* kColumns = "id, kind, title, team_id, starts_at, minutes, held_by, created_at, closed_at, policy_version";
Meeting from_row(const db::Row& r) {
  return {r.i64(0), r.str(1), r.str(2), r.i64(3), r.i64(4), r.i64(5), r.i64(6), r.i64(7), r.opt_i64(8), r.i64(9)};
}
}  // namespace

long long add_meeting(soci::session& sql, const Meeting& m, const std::vector<long long>& invitees) {
  db::Query q;
  q << "INSERT INTO meetings (kind, title, team_id, starts_at, minutes, held_by, created_at, policy_version) VALUES ("
    << q.bind(m.kind) << ", " << q.bind(m.title) << ", " << q.bind(m.team_id) << ", " << q.bind(m.starts_at) << ", "
    << q.bind(m.minutes) << ", " << q.bind(m.held_by) << ", " << q.bind(m.created_at) << ", "
    << q.bind(m.policy_version) << ") RETURNING id";
  const long long id = *q.scalar(sql);
  for (long long u : invitees) {
    db::Query a;
    a << "INSERT INTO meeting_attendance (meeting_id, user_id) VALUES (" << a.bind(id) << ", " << a.bind(u) << ")";
    a.exec(sql);
  }
  return id;
}

std::optional<Meeting> meeting(soci::session& sql, long long id) {
  db::Query q;
  q << "SELECT " << kColumns << " FROM meetings WHERE id = " << q.bind(id);
  auto r = q.fetch_one(sql, 10);
  if (!r) return std::nullopt;
  return from_row(*r);
}

std::vector<Attendee> attendees(soci::session& sql, long long meeting_id) {
  db::Query q;
  q << "SELECT meeting_id, user_id, status, note, entry_id FROM meeting_attendance WHERE meeting_id = "
    << q.bind(meeting_id) << " ORDER BY user_id";
  std::vector<Attendee> out;
  for (const auto& r : q.fetch(sql, 5))
    out.push_back({r.i64(0), r.i64(1), r.is_null(2) ? std::nullopt : std::optional<std::string>(r.str(2)), r.str(3),
                   r.opt_i64(4)});
  return out;
}

void set_attendance(soci::session& sql, const Attendee& a) {
  db::Query q;
  q << "UPDATE meeting_attendance SET status = " << (a.status ? q.bind(*a.status) : "NULL")
    << ", note = " << q.bind(a.note) << ", entry_id = " << (a.entry_id ? q.bind(*a.entry_id) : "NULL")
    << " WHERE meeting_id = " << q.bind(a.meeting_id) << " AND user_id = " << q.bind(a.user_id);
  q.exec(sql);
}

bool close_meeting(soci::session& sql, long long id, long long at) {
  db::Query q;
  q << "UPDATE meetings SET closed_at = " << q.bind(at) << " WHERE id = " << q.bind(id) << " AND closed_at IS NULL";
  return q.exec_count(sql) == 1;
}

std::vector<Meeting> meetings(soci::session& sql, const MeetingFilter& f,
                              std::optional<std::pair<long long, long long>> after, int limit) {
  db::Query q;
  q << "SELECT " << kColumns << " FROM meetings m WHERE starts_at >= " << q.bind(f.from) << " AND starts_at < "
    << q.bind(f.to);
  if (!f.all) {
    q << " AND (team_id IN (" << q.bind_list(f.team_ids) << ")";
    if (f.invitee)
      q << " OR EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.user_id = "
        << q.bind(*f.invitee) << ")";
    q << ")";
  }
  if (after) {
    const std::string at = q.bind(after->first), at_again = q.bind(after->first);
    q << " AND (starts_at < " << at << " OR (starts_at = " << at_again << " AND id < " << q.bind(after->second) << "))";
  }
  q << " ORDER BY starts_at DESC, id DESC LIMIT " << std::to_string(limit);
  std::vector<Meeting> out;
  for (const auto& r : q.fetch(sql, 10)) out.push_back(from_row(r));
  return out;
}

}  // namespace waihu::discipline::store
