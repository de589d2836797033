// `waihu close day DATE`: a past day's evaluation run by hand — each person's quota results and attendance judged
// once, fines and points written to the ledger. `waihu close month YYYY-MM`: its remaining days, then each person's
// points against the thresholds (bonus or penalty written once). A closed period is never closed again (the run
// says so and changes nothing). `waihu close week DATE|YYYY-Www`: each day of the policy's week that holds the date
// (its weekly reports are judged on their due day). `waihu close due` runs what the server runs by itself: every day
// and month over since the last closed one.
#include <iostream>

#include "cli/cli.hpp"
#include "core/errors.hpp"
#include "discipline/report_rules.hpp"

namespace waihu::cli {

namespace {
void print(const discipline::CloseReport& r) {
  std::cout << r.day.str() << ": ";
  if (!r.closed_now)
    std::cout << "closed before; nothing changed\n";
  else if (!r.working_day && r.entries == 0)
    std::cout << "not a working day; closed\n";
  else
    std::cout << "closed — " << r.people << " people judged, " << r.entries << " ledger entries, fines "
              << util::format_yuan(r.fines_fen) << " yuan, points " << r.points << "\n";
}
void print(const discipline::MonthCloseReport& r) {
  std::cout << r.month.str() << ": ";
  if (!r.closed_now)
    std::cout << "closed before; nothing changed\n";
  else
    std::cout << "closed — " << r.days_closed << " days closed first, " << r.people << " points ledgers, " << r.bonuses
              << " bonuses (" << util::format_yuan(r.bonus_fen) << " yuan), " << r.penalties << " penalties ("
              << util::format_yuan(r.penalty_fen) << " yuan), " << r.elimination_listed << " on the elimination list\n";
}
}  // namespace

void add_close_commands(CLI::App& root, Shared& s) {
  auto* close = root.add_subcommand(
      "close", "close a past day's, week's or month's evaluation (quotas, attendance, reports, points → the ledger)");
  close->require_subcommand(1);
  auto date = std::make_shared<std::string>();
  auto* day = close->add_subcommand("day", "close one day that is over (YYYY-MM-DD)");
  day->add_option("date", *date, "the day, YYYY-MM-DD")->required();
  day->callback([&s, date] {
    s.action = [&s, date] {
      auto app = s.open();
      auto d = calendar::LocalDate::parse(*date);
      if (!d) throw BadRequest::field("date", "must be YYYY-MM-DD");
      print(app->closer.close_day(nullptr, *d));
      return 0;
    };
  });
  auto week = std::make_shared<std::string>();
  auto* seven = close->add_subcommand("week", "close a week that is over (a day in it, or YYYY-Www): each of its days");
  seven->add_option("week", *week, "a day of the week (YYYY-MM-DD) or its ISO name (2026-W45)")->required();
  seven->callback([&s, week] {
    s.action = [&s, week] {
      auto app = s.open();
      const calendar::LocalDate today = app->time.today();
      const calendar::Weekday start = app->day_rules(today).week_start;
      std::optional<calendar::Period> days;
      if (auto d = calendar::LocalDate::parse(*week))
        days = calendar::week_of(*d, start);
      else if (auto p = discipline::report_period(discipline::ReportKind::kWeekly, *week, start))
        days = p->days;
      if (!days) throw BadRequest::field("week", "must be YYYY-MM-DD or YYYY-Www");
      if (!(days->to < today))
        throw BadRequest::field("week", "the week ends " + days->to.str() + "; it closes once it is over");
      for (auto d = days->from; d <= days->to; d = d.plus_days(1)) print(app->closer.close_day(nullptr, d));
      return 0;
    };
  });
  auto month = std::make_shared<std::string>();
  auto* whole = close->add_subcommand("month", "close a month that is over (YYYY-MM): its days, then the points");
  whole->add_option("month", *month, "the month, YYYY-MM")->required();
  whole->callback([&s, month] {
    s.action = [&s, month] {
      auto app = s.open();
      auto m = calendar::Month::parse(*month);
      if (!m) throw BadRequest::field("month", "must be YYYY-MM");
      print(app->months.close_month(nullptr, *m));
      return 0;
    };
  });
  auto* due = close->add_subcommand("due", "close every day and month that is over since the last closed one");
  due->callback([&s] {
    s.action = [&s] {
      auto app = s.open();
      auto reports = app->closer.close_due();
      for (const auto& r : reports) print(r);
      auto months = app->months.close_due();
      for (const auto& r : months) print(r);
      if (reports.empty() && months.empty()) std::cout << "nothing to close\n";
      return 0;
    };
  });
}

}  // namespace waihu::cli
