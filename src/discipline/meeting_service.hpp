#pragma once
// Meetings as people hold them: a supervisor or manager holds one of the policy's kinds for a team (everyone on its
// staff below it is invited), marks each person present, late, left early, absent or excused, and closes the
// attendance — then whoever was late, left early or absent without leave gets the kind's points item on the
// ledger, once (seed 004: −2 for a company meeting). Someone on excused leave that day is excused whatever was
// marked. Invitees see their meetings and how they were marked.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/page.hpp"
#include "discipline/closing.hpp"
#include "discipline/meeting_model.hpp"
#include "discipline/meeting_store.hpp"
#include "org/service.hpp"

namespace waihu::discipline {

struct NewMeeting {
  std::string kind, title;
  long long team_id = 0;
  long long starts_at = 0;
  int minutes = 0;  ///< 0: the kind's usual length
};

struct MarkedAttendance {
  long long user_id = 0;
  std::string status, note;
};

struct MeetingView {
  store::Meeting m;
  std::optional<MeetingKind> kind;  ///< as the policy in force that day names it
  std::string team_name;
  std::vector<store::Attendee> attendees;  ///< everyone for one meeting; an invitee (and any list) only their own row
  std::unordered_map<long long, org::PersonName> names;
  bool may_mark = false;  ///< the reader takes the attendance (open meetings)
};

class MeetingService {
 public:
  MeetingService(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org, RulesAt rules)
      : db_(db), time_(time), org_(org), rules_(std::move(rules)) {}
  /// Needs enter_points and the team in scope; the kind from the policy in force on the meeting's day.
  MeetingView hold(const org::Actor& actor, const NewMeeting& in);
  /// Meetings starting in [from, to): those of teams in scope, and those the reader is invited to.
  Page<MeetingView> list(const org::Actor& actor, long long from, long long to, const std::string& cursor, int limit);
  MeetingView get(const org::Actor& actor, long long id);
  /// The kinds the policy in force on `day` names (none without a [meetings] section).
  std::vector<MeetingKind> kinds(const calendar::LocalDate& day);
  /// Marks attendance; with `close`, every invitee must be marked and the costs are written.
  MeetingView record(const org::Actor& actor, long long id, const std::vector<MarkedAttendance>& marks, bool close);

 private:
  store::Meeting visible(const org::Actor& actor, long long id, bool& invitee_only);
  MeetingView view(const org::Actor& actor, store::Meeting m, bool whole);
  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
  RulesAt rules_;
};

}  // namespace waihu::discipline
