#pragma once
// Pay inquiries (migration 026): an employee's question about a statement line, the manager's answer and, when
// accepted, the adjustment and the month it was paid in.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace waihu::pay::store {

struct InquiryRow {
  long long id = 0, user_id = 0;
  std::string month;                 ///< the statement's month
  std::string line_code, line_rule;  ///< the line questioned (empty: the statement as a whole)
  std::optional<long long> line_amount_fen, expected_fen;
  std::string reason;
  long long raised_at = 0;
  std::string status = "open";  ///< open | accepted | rejected
  std::string answer;
  std::optional<long long> adjustment_fen, answered_by, answered_at;
  std::optional<std::string> paid_month;  ///< the closed month whose statement paid the adjustment
};

long long add_inquiry(soci::session& sql, const InquiryRow& r);
std::optional<InquiryRow> inquiry(soci::session& sql, long long id);
/// False when it was answered already.
bool answer_inquiry(soci::session& sql, long long id, const std::string& status, const std::string& answer,
                    std::optional<long long> adjustment_fen, long long by, long long at);
/// Inquiries of the users listed (all when `all_users`), newest first, after `before_id` (0: from the newest);
/// `status` empty: any.
std::vector<InquiryRow> inquiries(soci::session& sql, const std::vector<long long>& users, bool all_users,
                                  const std::string& status, long long before_id, int limit);
/// One person's inquiries about one month's statement, oldest first.
std::vector<InquiryRow> inquiries_of(soci::session& sql, long long user_id, const std::string& month);
/// Accepted adjustments a run of `month` pays: accepted for a month up to it and not yet paid by a closed month.
std::vector<InquiryRow> adjustments_due(soci::session& sql, const std::string& month);
/// Marks the adjustments the month's statements carry as paid by it (its close).
void mark_adjustments_paid(soci::session& sql, const std::string& month);

}  // namespace waihu::pay::store
