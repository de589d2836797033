// `waihu close day DATE`: a past day's evaluation run by hand — each person's quota results and attendance judged
// once, fines and points written to the ledger. A closed day is never closed again (the run says so and changes
// nothing). `waihu close due` runs what the server runs by itself: every day over since the last closed one.
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
}  // namespace

void add_close_commands(CLI::App& root, Shared& s) {
  auto* close = root.add_subcommand("close", "close a past day's evaluation (quotas, attendance → the ledger)");
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
  auto* due = close->add_subcommand("due", "close every day that is over since the last closed one");
  due->callback([&s] {
    s.action = [&s] {
      auto app = s.open();
      auto reports = app->closer.close_due();
      for (const auto& r : reports) print(r);
      if (reports.empty()) std::cout << "nothing to close\n";
      return 0;
    };
  });
}

}  // namespace waihu::cli
