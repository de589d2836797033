// `waihu close day DATE`: a past day's evaluation run by hand — each person's quota results and attendance judged
// once, fines and points written to the ledger. `waihu close month YYYY-MM`: its remaining days, then each person's
// points against the thresholds (bonus or penalty written once). A closed period is never closed again (the run
// says so and changes nothing). `waihu close due` runs what the server runs by itself: every day and month over
// since the last closed one.
#include <iostream>

#include "cli/cli.hpp"
#include "core/errors.hpp"

namespace waihu::cli {

namespace {
void print(const discipline::CloseReport& r) {
  std::cout << r.day.str() << ": ";
  if (!r.closed_now)
    std::cout << "closed before; nothing changed\n";
  else if (!r.working_day)
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
              << util::format_yuan(r.penalty_fen) << " yuan)\n";
}
}  // namespace

void add_close_commands(CLI::App& root, Shared& s) {
  auto* close = root.add_subcommand(
      "close", "close a past day's or month's evaluation (quotas, attendance, points → the ledger)");
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
