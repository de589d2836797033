#pragma once
// The staff_requests table (migration 015): leave, overtime and resignation requests and their decisions.
#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"

namespace waihu::discipline::store {

struct StaffRequest {
  long long id = 0, user_id = 0;
  std::string kind;  ///< personal, sick (leave), overtime, visit (外出拜访), resignation
  calendar::LocalDate from, to;
  long long minutes = 0;  ///< overtime; a visit's time out
  std::string reason;
  long long requested_at = 0;
  std::string state = "pending";  ///< pending, approved, rejected, cancelled
  std::optional<long long> decided_by, decided_at;
  std::string note;
  std::optional<std::string> outcome;  ///< resignation: in_order, short_notice, first_month
  std::optional<std::string> certificate_name, certificate_type, certificate_file;
  long long certificate_bytes = 0;
};

long long add_request(soci::session& sql, const StaffRequest& r);
std::optional<StaffRequest> request(soci::session& sql, long long id);
/// Moves a pending request to `state` (approved, rejected, cancelled); false when it was not pending.
bool decide_request(soci::session& sql, long long id, const std::string& state, const std::string& note,
                    std::optional<long long> by, long long at, const std::optional<std::string>& outcome);
void set_certificate(soci::session& sql, long long id, const std::string& name, const std::string& type,
                     const std::string& file, long long bytes);

struct RequestFilter {
  std::vector<long long> users;  ///< empty: everyone
  std::optional<std::string> state;
  std::optional<long long> except_user;  ///< leave this person's own out (a supervisor's approvals)
};
/// Newest first; keyset after an id.
std::vector<StaffRequest> requests(soci::session& sql, const RequestFilter& f, std::optional<long long> before,
                                   int limit);
/// Approved leave (personal, sick) covering `day`, by person.
std::vector<StaffRequest> approved_leave_on(soci::session& sql, const calendar::LocalDate& day);
/// Each person's minutes out on approved customer visits on a day (people without any are absent).
std::map<long long, long long> visit_minutes_on(soci::session& sql, const calendar::LocalDate& day);

}  // namespace waihu::discipline::store
