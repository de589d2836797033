#include "policy/header.hpp"

#include "util/time_zone.hpp"

namespace waihu::policy {

namespace {
constexpr std::array<std::string_view, 7> kWeekdays{"monday", "tuesday",  "wednesday", "thursday",
                                                    "friday", "saturday", "sunday"};
}

std::optional<calendar::Weekday> parse_weekday(std::string_view name) {
  for (size_t i = 0; i < kWeekdays.size(); ++i)
    if (kWeekdays[i] == name) return static_cast<calendar::Weekday>(i + 1);
  return std::nullopt;
}

std::string_view weekday_name(calendar::Weekday d) { return kWeekdays[static_cast<size_t>(d) - 1]; }

std::string format_minutes(int m) {
  auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  return two(m / 60) + ":" + two(m % 60);
}

RuleSection describe_header(const Header& h) {
  static constexpr std::array<std::string_view, 7> kZh{"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  static constexpr std::array<std::string_view, 7> kEn{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  std::string days_zh, days_en;
  for (size_t i = 0; i < 7; ++i) {
    if (!h.working_days[i]) continue;
    days_zh += (days_zh.empty() ? "" : "、") + std::string(kZh[i]);
    days_en += (days_en.empty() ? "" : ", ") + std::string(kEn[i]);
  }
  const size_t start = static_cast<size_t>(h.week_starts_on) - 1;
  RuleSection s{"policy", "总则", "General", {}, {}};
  s.zh = {"自 " + h.effective_from.str() + " 起执行",
          "时间按 " + h.time_zone + " 计算，每周从" + std::string(kZh[start]) + "算起",
          "工作日：" + days_zh + "（法定节假日与调休以公司工作日历为准）",
          "作息时间：" + format_minutes(h.workday_start) + "–" + format_minutes(h.workday_end)};
  s.en = {"In force from " + h.effective_from.str(),
          "Days are counted in " + h.time_zone + "; weeks start on " + std::string(kEn[start]),
          "Working days: " + days_en + " (public holidays and make-up days as the company's work calendar says)",
          "Working hours: " + format_minutes(h.workday_start) + "–" + format_minutes(h.workday_end)};
  return s;
}

std::optional<Header> read_header(const Document& doc) {
  auto section = doc.root().table("policy");
  if (!section) return std::nullopt;
  const Table& t = *section;
  Header h;
  bool ok = true;
  auto need = [&ok](auto v, auto& into) {
    if (v)
      into = *v;
    else
      ok = false;
  };
  need(t.text("name"), h.name);
  need(t.date("effective_from"), h.effective_from);
  if (auto zone = t.text("time_zone")) {
    if (util::TimeZone::named(*zone)) {
      h.time_zone = *zone;
    } else {
      t.problem("time_zone", "unknown time zone \"" + *zone + "\" (an IANA name such as Asia/Shanghai)");
      ok = false;
    }
  } else {
    ok = false;
  }
  if (auto start = t.choice("week_starts_on", {"monday", "sunday", "saturday"})) {
    h.week_starts_on = *parse_weekday(*start);
  } else {
    ok = false;
  }
  if (auto days =
          t.texts("working_days", {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})) {
    h.working_days.fill(false);
    for (const auto& d : *days) h.working_days[static_cast<size_t>(*parse_weekday(d)) - 1] = true;
    if (days->empty()) {
      t.problem("working_days", "'working_days' must name at least one day");
      ok = false;
    }
  } else {
    ok = false;
  }
  if (auto workday = t.table("workday")) {
    auto start = workday->time_of_day("start");
    auto end = workday->time_of_day("end");
    if (start && end && *end <= *start) {
      workday->problem("end", "the workday must end after it starts");
      ok = false;
    } else if (start && end) {
      h.workday_start = *start;
      h.workday_end = *end;
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  if (!ok) return std::nullopt;
  return h;
}

}  // namespace waihu::policy
