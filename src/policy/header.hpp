#pragma once
// The [policy] section every policy file opens with: its name, the day it takes effect, and the company's time:
// zone, week (which day it starts on, which days are worked) and workday hours. The policy core reads it; the
// calendar counts days by it.
//
//   [policy]
//   name = "方案二：日清日结"
//   effective_from = 2026-01-01
//   time_zone = "Asia/Shanghai"
//   week_starts_on = "monday"
//   working_days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
//   workday = { start = "09:00", end = "18:00" }
#include <array>
#include <optional>
#include <string>

#include "calendar/calendar.hpp"
#include "policy/document.hpp"
#include "policy/model.hpp"

namespace waihu::policy {

struct Header {
  std::string name;
  calendar::LocalDate effective_from;
  std::string time_zone = "Asia/Shanghai";
  calendar::Weekday week_starts_on = calendar::Weekday::kMonday;
  std::array<bool, 7> working_days{true, true, true, true, true, false, false};  ///< Monday first
  int workday_start = 9 * 60, workday_end = 18 * 60;                             ///< minutes after midnight
};

/// Reads [policy]; nullopt (with the problems in the document) when anything in it is wrong.
std::optional<Header> read_header(const Document& doc);

/// "monday" … "sunday".
std::optional<calendar::Weekday> parse_weekday(std::string_view name);
std::string_view weekday_name(calendar::Weekday d);

/// The header as the rule book shows it: effective date, time zone, working days and hours.
RuleSection describe_header(const Header& h);
/// "09:00".
std::string format_minutes(int minutes_after_midnight);

}  // namespace waihu::policy
