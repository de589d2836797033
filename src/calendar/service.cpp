#include "calendar/service.hpp"

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "org/rules.hpp"
#include "util/strings.hpp"

namespace waihu::calendar {

namespace {
nlohmann::json day_json(const store::MarkedDay& d) {
  return {{"day", d.day.str()}, {"kind", d.kind == DayKind::kMakeup ? "makeup" : "holiday"}, {"name", d.name}};
}

std::optional<DayKind> parse_kind(std::string_view s) {
  const std::string k = util::to_lower_ascii(util::trim(s));
  if (k == "holiday" || k == "节假日" || k == "放假" || k == "休") return DayKind::kHoliday;
  if (k == "makeup" || k == "调休" || k == "上班" || k == "班") return DayKind::kMakeup;
  return std::nullopt;
}
}  // namespace

void CalendarService::require_admin(const org::Actor& actor) {
  if (!org::has_right(actor.role, org::Right::kManageOrg)) {
    throw Forbidden("auth.forbidden", "只有管理员可以维护工作日历 / only an admin keeps the work calendar");
  }
}

std::array<bool, 7> CalendarService::week_pattern(const LocalDate& day) const {
  return pattern_ ? pattern_(day) : std::array<bool, 7>{true, true, true, true, true, false, false};
}

WorkCalendar CalendarService::work_calendar(const Period& p) {
  WorkCalendar cal(week_pattern(p.from));
  for (const auto& d : db_.read([&](soci::session& sql) { return store::marked_days(sql, p); }))
    cal.mark(d.day, d.kind);
  return cal;
}

std::vector<store::MarkedDay> CalendarService::marked(int year) {
  return db_.read([&](soci::session& sql) {
    return store::marked_days(sql, {LocalDate{year, 1, 1}, LocalDate{year, 12, 31}});
  });
}

store::MarkedDay CalendarService::mark(const org::Actor& actor, const LocalDate& day, DayKind kind,
                                       const std::string& raw_name) {
  require_admin(actor);
  if (kind != DayKind::kHoliday && kind != DayKind::kMakeup) {
    throw BadRequest::field("kind", "应为 holiday 或 makeup / must be holiday or makeup");
  }
  if (kind == DayKind::kMakeup && WorkCalendar(week_pattern(day)).kind(day) == DayKind::kWorking) {
    throw BadRequest::field("kind",
                            "调休上班日应是周末等休息日 / a make-up working day must be a rest day of the week");
  }
  const std::string name(util::trim(raw_name));
  if (!util::is_valid_utf8(name) || util::utf8_length(name) > 50) {
    throw BadRequest::field("name", "最多 50 个字符 / at most 50 characters");
  }
  store::MarkedDay d{day, kind, name};
  const long long now = clock_.now();
  db_.write([&](soci::session& sql) {
    auto before = store::marked_day(sql, day);
    store::put_day(sql, d, org::audit_actor(actor), now);
    audit::record(sql, {0, now, org::audit_actor(actor), "calendar.mark", "calendar_day", std::nullopt,
                        before ? day_json(*before) : nlohmann::json(nullptr), day_json(d), nullptr});
  });
  return d;
}

void CalendarService::unmark(const org::Actor& actor, const LocalDate& day) {
  require_admin(actor);
  const long long now = clock_.now();
  db_.write([&](soci::session& sql) {
    auto before = store::marked_day(sql, day);
    if (!before) throw NotFound("calendar.not_marked", "该日未标记 / this day is not marked", {{"field", "day"}});
    store::delete_day(sql, day);
    audit::record(sql, {0, now, org::audit_actor(actor), "calendar.unmark", "calendar_day", std::nullopt,
                        day_json(*before), nullptr, nullptr});
  });
}

CalendarImportReport CalendarService::import(const org::Actor& actor, const std::string& text) {
  require_admin(actor);
  CalendarImportReport report;
  std::vector<store::MarkedDay> days;
  long long line_no = 0;
  for (const auto& raw : util::split(text, '\n')) {
    ++line_no;
    std::string line(util::trim(raw));
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line = line.substr(3);
    if (line.empty() || line.starts_with("#")) continue;
    auto cells = util::split(line, ',');
    if (line_no == 1 && !LocalDate::parse(util::trim(cells[0]))) continue;  // a header
    ++report.read;
    auto day = LocalDate::parse(util::trim(cells[0]));
    auto kind = cells.size() > 1 ? parse_kind(cells[1]) : std::nullopt;
    if (!day) {
      report.errors.emplace_back(line_no, "日期应为 YYYY-MM-DD / the date must be YYYY-MM-DD");
    } else if (!kind) {
      report.errors.emplace_back(line_no, "类型应为 holiday（节假日）或 makeup（调休）/ kind: holiday or makeup");
    } else if (*kind == DayKind::kMakeup && WorkCalendar(week_pattern(*day)).kind(*day) == DayKind::kWorking) {
      report.errors.emplace_back(line_no, "调休上班日应是休息日 / a make-up day must be a rest day of the week");
    } else {
      days.push_back({*day, *kind, cells.size() > 2 ? std::string(util::trim(cells[2])) : std::string()});
    }
  }
  if (!report.errors.empty()) return report;
  const long long now = clock_.now();
  db_.write([&](soci::session& sql) {
    for (const auto& d : days) store::put_day(sql, d, org::audit_actor(actor), now);
    audit::record(sql, {0,
                        now,
                        org::audit_actor(actor),
                        "calendar.import",
                        "calendar_day",
                        std::nullopt,
                        nullptr,
                        nullptr,
                        {{"marked", static_cast<long long>(days.size())}}});
  });
  report.marked = static_cast<long long>(days.size());
  return report;
}

}  // namespace waihu::calendar
