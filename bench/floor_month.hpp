#pragma once
// A generated month of a telesales floor for the benchmarks: a company of departments and groups, its people
// written in bulk, and a month of calls spread evenly over the callers and the working days. The metric and payroll
// benchmarks both stand on it.
#include <random>
#include <string>
#include <vector>

#include "app/app.hpp"

namespace waihu::bench {

struct Floor {
  long long root = 0;
  long long admin = 0;  ///< the administrator's user id
  std::vector<long long> departments;
  std::vector<long long> groups;  ///< department by department
};

/// `departments` departments under the company 华信科技, each with `groups_each` groups (电销1部1组 …).
Floor make_floor(app::App& app, int departments, int groups_each);

struct NewPerson {
  std::string role;  ///< agent, field_rep, supervisor, manager
  long long team_id = 0;
  std::string hired_on = "2026-01-05";
  std::string status = "regular";
};
/// Writes the people in one transaction (no password: they never log in); their ids in order. The administrator is
/// made through the org service.
std::vector<long long> insert_people(app::App& app, const std::vector<NewPerson>& people);

/// The days of `month` on the listed weekdays.
std::vector<calendar::LocalDate> days_of(const calendar::Month& month, const std::vector<calendar::Weekday>& weekdays);

/// `per_day` outbound calls for every caller on every day between 09:00 and 17:00, a third answered (talk 0–299 s,
/// effective from 30 s); returns how many.
long long insert_calls(app::App& app, const std::vector<long long>& callers,
                       const std::vector<calendar::LocalDate>& days, long long per_day, std::mt19937_64& rng);

}  // namespace waihu::bench
