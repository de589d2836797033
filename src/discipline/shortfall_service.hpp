#pragma once
// Staying late and Sunday overtime as a supervisor works through them (seed 003; [quotas.shortfall]): at the check
// time the day's figures are compiled and whoever is short must stay (preset A until done, preset B 30 minutes);
// in preset B whoever is still short when the extension ends owes Sunday overtime. Both lists are worked out from
// the records — the figures as they stood at the check time and at the extension's end — so they are the same
// whenever they are read; the supervisor marks each person's stay and Sunday done.
#include <optional>
#include <string>
#include <vector>

#include "discipline/closing.hpp"
#include "discipline/shortfall_store.hpp"
#include "kpi/keeper.hpp"
#include "org/service.hpp"
#include "quota/model.hpp"

namespace waihu::discipline {

struct StayLateRow {
  long long user_id = 0, team_id = 0;
  std::string name;
  std::vector<quota::QuotaResult> at_check;  ///< the targets as they stood at the check time
  std::vector<quota::QuotaResult> after;     ///< at the extension's end (so far, while it runs); empty: until done
  bool still_short = false;                  ///< short after the extension (so far)
  bool sunday_overtime = false;              ///< owes Sunday overtime for this day (once the extension is over)
  std::optional<store::ShortfallMark> done;
};

/// A team's count on a day and its sign-off, where the policy asks for one.
struct TeamCount {
  long long team_id = 0;
  std::string team_name;
  long long short_count = 0;  ///< short at the check time, as the records stand now
  std::optional<store::CountApproval> approval;
  std::string approved_by_name;
};

struct ShortfallDay {
  calendar::LocalDate day;
  std::optional<quota::ShortfallRule> rule;  ///< none: the policy that day has no [quotas.shortfall]
  long long check_at = 0;                    ///< Unix seconds
  std::optional<long long> extension_end;    ///< none: until done
  bool checked = false;                      ///< the check time has passed
  bool extension_over = false;
  std::vector<StayLateRow> rows;  ///< only those short at the check time
  std::vector<TeamCount> counts;  ///< each team judged that day, once checked, when the policy asks a sign-off
};

struct SundayRow {
  long long user_id = 0, team_id = 0;
  std::string name;
  std::vector<calendar::LocalDate> days;  ///< the week's days that owe it
  long long sessions = 0;                 ///< once a week, or once per day short
  std::optional<store::ShortfallMark> done;
};

struct SundayWeek {
  calendar::Period week;
  calendar::LocalDate sunday;
  std::vector<SundayRow> rows;
};

class ShortfallService {
 public:
  ShortfallService(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org,
                   const kpi::DayKeeper& days, RulesAt rules)
      : db_(db), time_(time), org_(org), days_(days), rules_(std::move(rules)) {}
  /// Who stays late on `day` (supervisors and up: the people in scope, or in `team_id` below it).
  ShortfallDay stay_late(const org::Actor& actor, const calendar::LocalDate& day, std::optional<long long> team_id);
  /// Who owes Sunday overtime for the week holding `day`, and on which Sunday.
  SundayWeek sunday_overtime(const org::Actor& actor, const calendar::LocalDate& day, std::optional<long long> team_id);
  /// Marks a person's stay (`day` the short day) or Sunday overtime (`day` that Sunday) done; only what is owed, once.
  store::ShortfallMark mark(const org::Actor& actor, long long user_id, const std::string& kind,
                            const calendar::LocalDate& day, const std::string& note);
  /// Signs off a team's count for `day` once the check time has passed, by the approver the policy names; once.
  TeamCount approve(const org::Actor& actor, long long team_id, const calendar::LocalDate& day,
                    const std::string& note);

 private:
  std::vector<org::User> people(const org::Actor& actor, std::optional<long long> team_id);
  ShortfallDay day_of(const std::vector<org::User>& people, const calendar::LocalDate& day);
  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
  const kpi::DayKeeper& days_;
  RulesAt rules_;
};

}  // namespace waihu::discipline
