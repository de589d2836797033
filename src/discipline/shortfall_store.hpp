#pragma once
// The supervisor's done marks on staying late and Sunday overtime (migration 020) and the sign-offs of a team's day
// count (migration 023).
#include <soci/soci.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace waihu::discipline::store {

struct ShortfallMark {
  long long user_id = 0;
  std::string day, kind;  ///< kind: stay_late, sunday_overtime
  long long marked_by = 0, marked_at = 0;
  std::string note;
};

/// False when it was marked already.
bool add_mark(soci::session& sql, const ShortfallMark& m);
/// The marks of a kind on the days listed, by (user, day).
std::map<std::pair<long long, std::string>, ShortfallMark> marks(soci::session& sql, const std::string& kind,
                                                                 const std::vector<std::string>& days);

struct CountApproval {
  long long team_id = 0;
  std::string day;
  long long short_count = 0, approved_by = 0, approved_at = 0;
  std::string note;
};

/// False when that team's day was signed off already.
bool add_approval(soci::session& sql, const CountApproval& a);
/// A day's sign-offs by team.
std::map<long long, CountApproval> approvals(soci::session& sql, const std::string& day);

}  // namespace waihu::discipline::store
