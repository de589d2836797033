#include "discipline/report_rules.hpp"

#include <cstdio>

namespace waihu::discipline {

namespace {
// The Monday of ISO week `week` of `year` (week 1 holds January 4th).
std::optional<calendar::LocalDate> iso_monday(int year, int week) {
  if (week < 1 || week > 53) return std::nullopt;
  const calendar::LocalDate jan4{year, 1, 4};
  const calendar::LocalDate first = jan4.plus_days(1 - static_cast<int>(jan4.weekday()));
  const calendar::LocalDate monday = first.plus_days(7LL * (week - 1));
  const auto iw = calendar::iso_week(monday);
  if (iw.year != year || iw.week != week) return std::nullopt;  // a 53rd week the year does not have
  return monday;
}

std::string week_name(const calendar::LocalDate& monday) {
  const auto iw = calendar::iso_week(monday);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", iw.year, iw.week);
  return buf;
}

// The Monday a policy week is named by: its own day when it starts on Monday, else the first Monday in it.
calendar::LocalDate naming_monday(const calendar::Period& week) {
  for (auto d = week.from; d <= week.to; d = d.plus_days(1))
    if (d.weekday() == calendar::Weekday::kMonday) return d;
  return week.from;
}

bool any_working(const calendar::Period& p, const IsWorking& working) {
  for (auto d = p.from; d <= p.to; d = d.plus_days(1))
    if (working(d)) return true;
  return false;
}
}  // namespace

std::string_view report_kind_name(ReportKind k) {
  switch (k) {
    case ReportKind::kDaily:
      return "daily";
    case ReportKind::kWeekly:
      return "weekly";
    case ReportKind::kMonthly:
      return "monthly";
  }
  return "weekly";
}

std::optional<ReportKind> parse_report_kind(std::string_view s) {
  if (s == "daily") return ReportKind::kDaily;
  if (s == "weekly") return ReportKind::kWeekly;
  if (s == "monthly") return ReportKind::kMonthly;
  return std::nullopt;
}

std::string_view report_standing_name(ReportStanding s) {
  switch (s) {
    case ReportStanding::kOnTime:
      return "on_time";
    case ReportStanding::kLate:
      return "late";
    case ReportStanding::kMissing:
      return "missing";
  }
  return "missing";
}

std::optional<ReportPeriod> report_period(ReportKind kind, std::string_view name, calendar::Weekday week_start) {
  switch (kind) {
    case ReportKind::kDaily: {
      auto d = calendar::LocalDate::parse(name);
      if (!d) return std::nullopt;
      return ReportPeriod{d->str(), {*d, *d}};
    }
    case ReportKind::kMonthly: {
      auto m = calendar::Month::parse(name);
      if (!m) return std::nullopt;
      return ReportPeriod{m->str(), m->period()};
    }
    case ReportKind::kWeekly: {
      if (name.size() != 8 || name[4] != '-' || name[5] != 'W') return std::nullopt;
      int year = 0, week = 0;
      for (size_t i = 0; i < 8; ++i) {
        if (i == 4 || i == 5) continue;
        if (name[i] < '0' || name[i] > '9') return std::nullopt;
        (i < 4 ? year : week) = (i < 4 ? year : week) * 10 + (name[i] - '0');
      }
      auto monday = iso_monday(year, week);
      if (!monday) return std::nullopt;
      const calendar::Period days = calendar::week_of(*monday, week_start);
      return ReportPeriod{week_name(*monday), days};
    }
  }
  return std::nullopt;
}

ReportPeriod report_period_of(ReportKind kind, const calendar::LocalDate& day, calendar::Weekday week_start) {
  switch (kind) {
    case ReportKind::kDaily:
      return {day.str(), {day, day}};
    case ReportKind::kMonthly: {
      const auto m = calendar::Month::of(day);
      return {m.str(), m.period()};
    }
    case ReportKind::kWeekly:
      break;
  }
  const calendar::Period week = calendar::week_of(day, week_start);
  return {week_name(naming_monday(week)), week};
}

calendar::LocalDate due_date(const ReportRule& rule, const ReportPeriod& p, const IsWorking& working) {
  switch (rule.due_day) {
    case DueDay::kSameDay:
      return p.days.to;
    case DueDay::kWeekday:
      for (auto d = p.days.from; d <= p.days.to; d = d.plus_days(1))
        if (d.weekday() == rule.due_weekday) return d;
      return p.days.to;
    case DueDay::kFirstWorkingDay: {
      const calendar::Month next = calendar::Month::of(p.days.to.plus_days(1));
      for (auto d = next.first(); d <= next.last(); d = d.plus_days(1))
        if (working(d)) return d;
      return next.last();  // a month without a working day: its last day
    }
  }
  return p.days.to;
}

bool report_asked(const ReportRule& rule, const ReportPeriod& p, const IsWorking& working) {
  if (rule.kind == ReportKind::kDaily) return working(p.days.from);
  return !rule.skip_without_work || any_working(p.days, working);
}

std::optional<ReportPeriod> period_due_on(const ReportRule& rule, const calendar::LocalDate& day,
                                          calendar::Weekday week_start, const IsWorking& working) {
  // The candidate: the period holding the day, or for a monthly report the month before it.
  const calendar::LocalDate anchor =
      rule.kind == ReportKind::kMonthly ? calendar::Month::of(day).previous().first() : day;
  const ReportPeriod p = report_period_of(rule.kind, anchor, week_start);
  if (!(due_date(rule, p, working) == day) || !report_asked(rule, p, working)) return std::nullopt;
  return p;
}

ReportStanding judge_report(std::optional<long long> submitted_at, long long due_at) {
  if (!submitted_at) return ReportStanding::kMissing;
  return *submitted_at <= due_at ? ReportStanding::kOnTime : ReportStanding::kLate;
}

long long fund_share(long long fine_fen, long long percent) { return (fine_fen * percent + 50) / 100; }

std::optional<ReportCost> report_cost(const ReportRule& rule, ReportStanding s) {
  if (s == ReportStanding::kOnTime || (s == ReportStanding::kLate && !rule.late_as_missing)) return std::nullopt;
  if (rule.fine_fen == 0 && rule.points == 0) return std::nullopt;
  return ReportCost{rule.fine_fen, fund_share(rule.fine_fen, rule.fund_percent), rule.points};
}

}  // namespace waihu::discipline
