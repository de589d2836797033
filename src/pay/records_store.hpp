#pragma once
// The records a statement line stands on, read back for the person checking it: the deals with their customer and
// seller, the payments and refunds, the ledger rows, the 撞单 cases, the statements and inquiries a line names. Read
// by id from the line's stored sources, so a line shows the records it was computed from, not today's query.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace waihu::pay::store {

struct DealRecord {
  long long id = 0, customer_id = 0, amount_fen = 0;
  std::string company, product, sourcing, closed_on, seller, field_rep;
};
struct PaymentRecord {
  long long id = 0, deal_id = 0, amount_fen = 0;
  std::string kind, on_date, reason, company;
};
struct EntryRecord {
  long long id = 0, fine_fen = 0, bonus_fen = 0, base_days_milli = 0, points = 0;
  std::string day, item, rule, evidence, source;
};
struct ClaimRecord {
  long long id = 0, customer_id = 0;
  std::string company, status, reason, holder, claimant;
};
struct StatementRecord {
  long long id = 0, net_fen = 0, held_over_fen = 0;
  std::string month;
};
struct LeadRecord {
  long long id = 0, customer_id = 0;
  std::string company, grade, found_on, visited_on, signed_on, field_rep;
};
struct RequestRecord {  ///< a resignation (or other staff request) a line stands on
  long long id = 0;
  std::string kind, from_day, to_day, state, outcome, decided_by;
};
struct InquiryRecord {
  long long id = 0;
  std::optional<long long> expected_fen, adjustment_fen;
  std::string month, status, reason, answer;
};

std::vector<DealRecord> deals_by_id(soci::session& sql, const std::vector<long long>& ids);
std::vector<PaymentRecord> payments_by_id(soci::session& sql, const std::vector<long long>& ids);
std::vector<EntryRecord> entries_by_id(soci::session& sql, const std::vector<long long>& ids);
std::vector<ClaimRecord> claims_by_id(soci::session& sql, const std::vector<long long>& ids);
/// Statements of `user_id` only: a line names the person's own earlier statements.
std::vector<StatementRecord> statements_by_id(soci::session& sql, long long user_id, const std::vector<long long>& ids);
/// Signed leads credited to `user_id` only.
std::vector<LeadRecord> leads_by_id(soci::session& sql, long long user_id, const std::vector<long long>& ids);
/// Staff requests of `user_id` only.
std::vector<RequestRecord> requests_by_id(soci::session& sql, long long user_id, const std::vector<long long>& ids);
/// Inquiries of `user_id` only.
std::vector<InquiryRecord> inquiries_by_id(soci::session& sql, long long user_id, const std::vector<long long>& ids);

}  // namespace waihu::pay::store
