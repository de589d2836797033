#pragma once
// The report rules, pure: a report's period from its name ("2026-11-02", "2026-W45", "2026-11"), its deadline, which
// period falls due on a day, how a report stands and what that costs.
#include <functional>
#include <optional>
#include <string>

#include "discipline/report_model.hpp"

namespace waihu::discipline {

/// Whether a day is worked (the calendar's answer: working days, holidays, make-up days).
using IsWorking = std::function<bool(const calendar::LocalDate&)>;

/// A report's period: its name and its days.
struct ReportPeriod {
  std::string name;  ///< "2026-11-02", "2026-W45", "2026-11"
  calendar::Period days;
};

/// The period a name denotes for a kind; weekly names are ISO weeks ("2026-W45") and denote the policy's week holding
/// that ISO week's Monday. nullopt for a malformed name.
std::optional<ReportPeriod> report_period(ReportKind kind, std::string_view name, calendar::Weekday week_start);
/// The period of a kind holding `day`.
ReportPeriod report_period_of(ReportKind kind, const calendar::LocalDate& day, calendar::Weekday week_start);
/// The day a period's report is due.
calendar::LocalDate due_date(const ReportRule& rule, const ReportPeriod& p, const IsWorking& working);
/// Whether a period asks for a report at all (a holiday week asks for none when the rule says so; a daily report is
/// asked on working days only).
bool report_asked(const ReportRule& rule, const ReportPeriod& p, const IsWorking& working);
/// The period whose report falls due on `day`, if any.
std::optional<ReportPeriod> period_due_on(const ReportRule& rule, const calendar::LocalDate& day,
                                          calendar::Weekday week_start, const IsWorking& working);

/// On time, late or missing: `submitted_at` against the deadline `due_at` (Unix seconds).
ReportStanding judge_report(std::optional<long long> submitted_at, long long due_at);

/// What a standing costs under the rule: the entry to write (none when it costs nothing).
struct ReportCost {
  long long fine_fen = 0, fund_fen = 0, points = 0;
};
std::optional<ReportCost> report_cost(const ReportRule& rule, ReportStanding s);

/// The fund's share of a fine, in fen, rounded half up.
long long fund_share(long long fine_fen, long long percent);

}  // namespace waihu::discipline
