#pragma once
// A/B lead sign-offs (migration 027): the owner's request to a field rep, the rep's answer, the month that paid it.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace waihu::crm::store {

struct SignOffRow {
  long long id = 0, customer_id = 0;
  std::string grade;          ///< "A" | "B", as the file said when asked
  long long credited_to = 0;  ///< the owner who asked: the lead's finder, paid the bonus
  std::string found_on;       ///< the day the customer entered Waihu (company time)
  long long field_rep_id = 0;
  long long requested_at = 0;
  std::string status = "requested";  ///< requested | signed | declined
  std::optional<std::string> visited_on;
  std::string note;
  std::optional<long long> answered_at;
  std::optional<std::string> signed_on, paid_month;
  std::string company, credited_name, field_rep_name;  ///< read with the row, for lists
};

long long add_signoff(soci::session& sql, const SignOffRow& r);
std::optional<SignOffRow> signoff(soci::session& sql, long long id);
/// The customer's live request or sign-off (not declined), if any.
std::optional<SignOffRow> live_signoff_of(soci::session& sql, long long customer_id);
/// False when it was answered already.
bool answer_signoff(soci::session& sql, long long id, const std::string& status,
                    const std::optional<std::string>& visited_on, const std::string& note, long long at,
                    const std::optional<std::string>& signed_on);
/// Newest first: those naming `field_rep` or credited to one of `credited` (either may be empty), after `before_id`
/// (0: from the newest); `status` empty: any.
std::vector<SignOffRow> signoffs(soci::session& sql, std::optional<long long> field_rep,
                                 const std::vector<long long>& credited, bool all, const std::string& status,
                                 long long before_id, int limit);

}  // namespace waihu::crm::store
