#pragma once
// Meetings and their attendance (migration 021).
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace waihu::discipline::store {

struct Meeting {
  long long id = 0;
  std::string kind, title;
  long long team_id = 0, starts_at = 0, minutes = 0, held_by = 0, created_at = 0;
  std::optional<long long> closed_at;
  long long policy_version = 0;
};

struct Attendee {
  long long meeting_id = 0, user_id = 0;
  std::optional<std::string> status;  ///< present, late, left_early, absent, excused; none: not marked yet
  std::string note;
  std::optional<long long> entry_id;
};

long long add_meeting(soci::session& sql, const Meeting& m, const std::vector<long long>& invitees);
std::optional<Meeting> meeting(soci::session& sql, long long id);
std::vector<Attendee> attendees(soci::session& sql, long long meeting_id);
void set_attendance(soci::session& sql, const Attendee& a);
/// Closes the attendance once; false when it was closed already.
bool close_meeting(soci::session& sql, long long id, long long at);

struct MeetingFilter {
  long long from = 0, to = 0;        ///< starts_at in [from, to)
  bool all = false;                  ///< every meeting
  std::vector<long long> team_ids;   ///< meetings of these teams
  std::optional<long long> invitee;  ///< or those this person is invited to
};
/// Newest first, keyset after (starts_at, id).
std::vector<Meeting> meetings(soci::session& sql, const MeetingFilter& f,
                              std::optional<std::pair<long long, long long>> after, int limit);

}  // namespace waihu::discipline::store
