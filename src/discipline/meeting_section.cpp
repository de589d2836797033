#include "discipline/meeting_section.hpp"

#include <set>

#include "discipline/section_text.hpp"
#include "util/strings.hpp"

namespace waihu::discipline {

std::string_view attendance_name(Attendance a) {
  switch (a) {
    case Attendance::kPresent:
      return "present";
    case Attendance::kLate:
      return "late";
    case Attendance::kLeftEarly:
      return "left_early";
    case Attendance::kAbsent:
      return "absent";
    case Attendance::kExcused:
      return "excused";
  }
  return "present";
}

std::optional<Attendance> parse_attendance(std::string_view s) {
  for (auto a :
       {Attendance::kPresent, Attendance::kLate, Attendance::kLeftEarly, Attendance::kAbsent, Attendance::kExcused})
    if (attendance_name(a) == s) return a;
  return std::nullopt;
}

bool attendance_costs(Attendance a) {
  return a == Attendance::kLate || a == Attendance::kLeftEarly || a == Attendance::kAbsent;
}

std::optional<MeetingsPolicy> read_meetings_section(const policy::Document& doc, const PointsPolicy* points, bool& ok) {
  auto s = doc.root().table("meetings", false);
  if (!s) return std::nullopt;
  MeetingsPolicy p;
  bool good = true;
  std::set<std::string> seen;
  for (const auto& t : s->tables("kind")) {
    MeetingKind k;
    auto kind = t.text("kind");
    auto zh = t.text("zh");
    auto en = t.text("en");
    auto within = t.boolean("within_workday");  // choice 15: said every time
    auto at = t.time_of_day("at", false);
    auto minutes = t.integer("minutes", {.min = 5, .max = 480}, false);
    auto item = t.text("missed_item", false);
    if (!kind || !zh || !en || !within || (t.has("at") && !at) || (t.has("minutes") && !minutes)) {
      good = false;
      continue;
    }
    if (!is_item_key(*kind)) {
      t.problem("kind", "a kind is lower-case letters, digits and _ (\"team_daily\")");
      good = false;
    }
    if (!seen.insert(*kind).second) {
      t.problem("kind", "a second meeting kind '" + *kind + "'");
      good = false;
    }
    if (item) {
      bool known = false;
      if (points)
        for (const auto& i : points->items) known = known || i.key == *item;
      if (!known) {
        t.problem("missed_item", points ? "no [[points.item]] '" + *item + "'" : "the policy keeps no [points] ledger");
        good = false;
      }
    }
    k.kind = *kind;
    k.zh = *zh;
    k.en = *en;
    k.within_workday = *within;
    k.at = at;
    k.minutes = static_cast<int>(minutes.value_or(60));
    k.missed_item = item.value_or("");
    p.kinds.push_back(std::move(k));
  }
  if (good && p.kinds.empty()) {
    s->problem("kind", "give at least one [[meetings.kind]]");
    good = false;
  }
  if (!good) {
    ok = false;
    return std::nullopt;
  }
  return p;
}

policy::RuleSection describe_meetings(const MeetingsPolicy& p, const PointsPolicy* points) {
  policy::RuleSection s{"meetings", "会议", "Meetings", {}, {}};
  for (const auto& k : p.kinds) {
    std::string zh = k.zh, en = k.en;
    if (k.at) {
      zh += " " + util::clock_time(*k.at) + "–" + util::clock_time(*k.at + k.minutes);
      en += " " + util::clock_time(*k.at) + "–" + util::clock_time(*k.at + k.minutes);
    }
    zh += k.within_workday ? "（作业时间内）" : "（作业时间外）";
    en += k.within_workday ? " (in working time)" : " (outside working time)";
    const PointsItem* item = nullptr;
    if (points)
      for (const auto& i : points->items)
        if (i.key == k.missed_item) item = &i;
    if (item) {
      zh += "：未经许可迟到、早退或缺席，绩效分 " + signed_points(item->points) +
            (item->fine_fen ? "，罚 " + yuan_text(item->fine_fen) + " 元" : "");
      en += ": late, leaving early or absent without leave costs " + signed_points(item->points) + " points" +
            (item->fine_fen ? " and " + yuan_text(item->fine_fen) + " yuan" : "");
    } else {
      zh += "：记录出勤，不扣分";
      en += ": attendance recorded, at no cost";
    }
    s.zh.push_back(zh + " [" + k.kind + "]");
    s.en.push_back(en + " [" + k.kind + "]");
  }
  return s;
}

}  // namespace waihu::discipline
