// `waihu calendar import FILE` and `waihu calendar show YEAR`: the work calendar's holidays and 调休 days.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.hpp"
#include "core/errors.hpp"

namespace waihu::cli {

void add_calendar_commands(CLI::App& root, Shared& s) {
  auto* calendar = root.add_subcommand("calendar", "the work calendar: public holidays and 调休 make-up days");
  calendar->require_subcommand(1);

  auto* import = calendar->add_subcommand(
      "import",
      "mark days from a file of lines YYYY-MM-DD,kind,name (kind: holiday/节假日 or makeup/调休); all or "
      "nothing, each bad line named");
  auto file = std::make_shared<std::string>();
  import->add_option("FILE", *file)->required();
  import->callback([&s, file] {
    s.action = [&s, file] {
      std::ifstream in(*file, std::ios::binary);
  if (!in) throw BadRequest::field("file", "cannot read " + *file);
  std::stringstream text;
  text << in.rdbuf();
  auto app = s.open();
  auto report = app->work_calendar.import(org::system_actor(), text.str());
  for (const auto& [line, reason] : report.errors) std::cerr << *file << ":" << line << ": " << reason << "\n";
  if (!report.errors.empty()) {
    std::cerr << report.errors.size() << " bad lines of " << report.read << "; nothing marked\n";
    return 3;
  }
  std::cout << "marked " << report.marked << " days\n";
  return 0;
};
}  // namespace waihu::cli
);

auto* show = calendar->add_subcommand("show", "the marked days of a year and each month's working days");
auto year = std::make_shared<int>(0);
show->add_option("YEAR", *year)->required()->check(CLI::Range(2000, 2100));
show->callback([&s, year] {
  s.action = [&s, year] {
    auto app = s.open();
    const calendar::Period whole{calendar::LocalDate{*year, 1, 1}, calendar::LocalDate{*year, 12, 31}};
    calendar::WorkCalendar cal = app->work_calendar.work_calendar(whole);
    for (const auto& d : app->work_calendar.marked(*year)) {
      std::cout << d.day.str() << "  "
                << (d.kind == calendar::DayKind::kMakeup ? "调休上班 makeup " : "放假 holiday   ") << d.name << "\n";
    }
    for (int m = 1; m <= 12; ++m) {
      calendar::Month month{*year, m};
      auto first = cal.first_working_day(month);
      std::cout << month.str() << "  working days " << cal.working_days(month.period()) << ", first "
                << (first ? first->str() : std::string("—")) << "\n";
    }
    return 0;
  };
});
}

}  // namespace waihu::cli
