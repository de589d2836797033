#pragma once
// Work reports as people send and answer them: an agent opens the period's form with its figures filled in from the
// metric layer, writes the summary, next period's plan and any questions, and sends it to the direct supervisor, cc
// the team's assistant. Supervisors and managers reply to every report; a reply may leave a question open. Whether a
// report was late or missing is judged when its due day closes (DayCloser), by the rules in force then. Each team's
// activity fund (活动经费) collects the fines' shares; managers record what it pays for.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "discipline/closing.hpp"
#include "discipline/report_store.hpp"
#include "kpi/service.hpp"
#include "org/service.hpp"

namespace waihu::discipline {

/// The form of a period's report before it is written.
struct ReportDraft {
  std::string kind;
  ReportPeriod period;
  DueReport due;
  nlohmann::json figures;
  std::string to_name, cc_name;
  std::optional<long long> sent_id;  ///< the report already sent for the period
};

/// A report the person owes now: the current period of a kind the policy asks of their role.
struct DueItem {
  std::string kind;
  ReportPeriod period;
  DueReport due;
  bool asked = true;                 ///< false: a period without working days asks none (a holiday week)
  std::optional<long long> sent_id;  ///< sent already
};

struct NewReport {
  std::string kind, period, summary, plan, questions;
};

struct ReportView {
  store::WorkReport r;
  std::string user_name, to_name, cc_name;
  std::string standing;                                       ///< on_time or late, against its deadline
  long long age_seconds = 0;                                  ///< since it was sent (a reply owed grows old)
  std::vector<std::pair<store::Reply, std::string>> replies;  ///< with the replier's name
};

struct ReportPage {
  std::vector<ReportView> items;
  std::optional<std::string> next_cursor;
};

struct FundTeam {
  long long team_id = 0;
  std::string name;
  long long balance_fen = 0;
};
struct FundPage {
  std::vector<FundTeam> teams;
  std::vector<store::FundRow> rows;  ///< of the team asked for
  std::unordered_map<long long, org::PersonName> names;
  std::optional<std::string> next_cursor;
};

class ReportService {
 public:
  ReportService(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org, kpi::MetricsService& metrics,
                RulesAt rules)
      : db_(db), time_(time), org_(org), metrics_(metrics), rules_(std::move(rules)) {}

  /// The form for a kind and period (empty period: the current one; a monthly report's is last month's).
  ReportDraft draft(const org::Actor& actor, const std::string& kind, const std::string& period);
  ReportView submit(const org::Actor& actor, const NewReport& in);
  /// The reports the actor owes for the current periods (the desk's "what is due"); none when the policy asks none
  /// of their role.
  std::vector<DueItem> due(const org::Actor& actor);
  /// Own ("mine"), or to answer ("inbox": people in scope but oneself whose reports still wait for a reply, oldest
  /// first; needs answer_reports), or all in scope ("team").
  ReportPage list(const org::Actor& actor, const std::string& view, const std::optional<std::string>& kind,
                  const std::string& cursor, int limit);
  ReportView get(const org::Actor& actor, long long id);
  /// A supervisor's or manager's reply; `question_open` says a question in it is not answered yet.
  ReportView reply(const org::Actor& actor, long long id, const std::string& body, bool question_open);

  /// The activity funds of the teams in scope, and one team's rows (needs answer_reports).
  FundPage fund(const org::Actor& actor, std::optional<long long> team_id, const std::string& cursor, int limit);
  /// Records spending from a team's fund (needs manage_fund); never more than its balance.
  FundPage spend(const org::Actor& actor, long long team_id, long long amount_fen, const std::string& reason);

 private:
  const ReportRule& rule_for(const DayRules& rules, const std::string& kind);
  /// The period a report written today is for: this day or week, last month for a monthly one.
  ReportPeriod current_period(const ReportRule& rule, const DayRules& rules, const calendar::LocalDate& today);
  store::WorkReport visible(const org::Actor& actor, long long id);
  ReportView view(const store::WorkReport& r, bool with_replies);
  std::vector<org::Team> teams_in_scope(const org::Actor& actor);
  /// The writer's direct superior and the team's assistant, nearest up the team tree.
  std::pair<std::optional<long long>, std::optional<long long>> recipients(const org::User& writer);
  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
  kpi::MetricsService& metrics_;
  RulesAt rules_;
};

}  // namespace waihu::discipline
