#pragma once
// The report tables (migration 016): reports as sent, the replies to them, and the teams' activity funds.
#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"

namespace waihu::discipline::store {

struct WorkReport {
  long long id = 0, user_id = 0;
  std::string kind, period;
  calendar::Period days;
  long long team_id = 0;
  std::optional<long long> to_user_id, cc_user_id;
  std::string summary, plan, questions;
  std::string figures;  ///< JSON: the period's figures when it was sent
  long long due_at = 0, submitted_at = 0, policy_version = 0;
  std::string reply_state = "unanswered";  ///< unanswered, question_open, answered
  std::optional<long long> first_reply_at;
};

struct Reply {
  long long id = 0, report_id = 0, user_id = 0;
  std::string body;
  bool question_open = false;
  long long created_at = 0;
};

/// Adds a report; nullopt when the person sent one for the kind and period already.
std::optional<long long> add_report(soci::session& sql, const WorkReport& r);
std::optional<WorkReport> report(soci::session& sql, long long id);
/// The report a person sent for a kind and period, if any.
std::optional<WorkReport> report_for(soci::session& sql, long long user_id, const std::string& kind,
                                     const std::string& period);
/// When each person listed sent their report of a kind and period.
std::map<long long, long long> submitted_at(soci::session& sql, const std::string& kind, const std::string& period,
                                            const std::vector<long long>& users);

struct ReportFilter {
  std::vector<long long> users;  ///< empty: nobody
  std::optional<std::string> kind;
  std::optional<long long> copied_to;  ///< only reports copied to this person (an assistant's 备档)
  /// Replies still owed (unanswered or a question left open), oldest first; otherwise newest first.
  bool open_only = false;
};
/// Keyset after the id (descending, or ascending by submission for open ones).
std::vector<WorkReport> reports(soci::session& sql, const ReportFilter& f, std::optional<long long> after, int limit);

void add_reply(soci::session& sql, const Reply& r);
std::vector<Reply> replies(soci::session& sql, long long report_id);

struct FundRow {
  long long id = 0, team_id = 0;
  calendar::LocalDate day;
  long long amount_fen = 0;
  std::optional<long long> entry_id, entered_by;
  std::string reason;
  long long created_at = 0;
};
void add_fund_row(soci::session& sql, const FundRow& r);
/// A closing run's share of a fine: the ledger row written with `close_key` pays `amount_fen` into the team's fund.
void add_fund_share(soci::session& sql, long long team_id, const std::string& close_key, const std::string& reason,
                    long long at);
/// A team's rows, newest first, keyset before an id.
std::vector<FundRow> fund_rows(soci::session& sql, long long team_id, std::optional<long long> before, int limit);
/// Each team's balance (teams without rows are absent).
std::map<long long, long long> fund_balances(soci::session& sql, const std::vector<long long>& teams);
/// The fund row a ledger entry paid (for giving it back when the entry is withdrawn).
std::optional<FundRow> fund_row_of_entry(soci::session& sql, long long entry_id);

}  // namespace waihu::discipline::store
