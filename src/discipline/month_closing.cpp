#include "discipline/month_closing.hpp"

#include "core/errors.hpp"
#include "discipline/elimination_service.hpp"
#include "discipline/points_rules.hpp"
#include "discipline/store.hpp"
#include "org/rules.hpp"

namespace waihu::discipline {

namespace {
const std::string kMonth = "month";
}  // namespace

bool MonthCloser::is_closed(const calendar::Month& month) {
  return db_.read([&](soci::session& sql) { return store::is_closed(sql, kMonth, month.str()); });
}

MonthCloseReport MonthCloser::close_month(const org::Actor* actor, const calendar::Month& month) {
  if (actor && !org::has_right(actor->role, org::Right::kCloseDays))
    throw Forbidden("forbidden", "结算月份需要经理或管理员权限 / closing a month needs a manager or an admin");
  MonthCloseReport report;
  report.month = month;
  if (is_closed(month)) return report;
  if (!(month.last() < time_.today()))
    throw BadRequest::field("month", "只能结算已经过去的月份 / a month closes once it is over (" + month.str() + ")");
  // Its days first, from where evaluation started (earlier days were never judged).
  const auto start = days_.evaluation_start();
  for (calendar::LocalDate d = month.first(); d <= month.last(); d = d.plus_days(1)) {
    if (start && d < *start) continue;
    if (days_.close_day(actor, d).closed_now) ++report.days_closed;
  }
  const DayRules rules = rules_(month.last());
  const long long now = time_.now();
  return db_.write([&](soci::session& sql) {
    if (store::is_closed(sql, kMonth, month.str())) return MonthCloseReport{month};
    report.closed_now = true;
    if (rules.points) {
      const PointsPolicy& p = *rules.points;
      const auto sums = store::points_by_user(sql, {{}, month.first(), month.last()});
      for (const auto& u : judged_people(sql, month.last())) {
        if (!role_listed(p.roles, u.role)) continue;
        const long long points = sums.count(u.id) ? sums.at(u.id) : 0;
        const MonthEnd m = judge_month(p, points);
        store::put_points_month(sql, {u.id, month.str(), m, rules.policy_version});
        ++report.people;
        const std::string evidence =
            "月底 " + std::to_string(m.end) + " 分 / " + std::to_string(m.end) + " points at month end";
        auto write = [&](const char* item, const char* rule, long long bonus, long long fine) {
          store::EntryRow row;
          row.user_id = u.id;
          row.day = month.last();
          row.entry = {item, 0, fine, 0, rule, evidence};
          row.bonus_fen = bonus;
          row.policy_version = rules.policy_version;
          row.source = "close";
          row.created_at = now;
          store::add_entry(sql, row, "month:" + month.str() + ":" + std::to_string(u.id) + ":" + item);
        };
        if (m.bonus_fen) {
          write("month_bonus", "points.bonus", m.bonus_fen, 0);
          ++report.bonuses;
          report.bonus_fen += m.bonus_fen;
        }
        if (m.penalty_fen) {
          write("month_penalty", "points.penalty", 0, m.penalty_fen);
          ++report.penalties;
          report.penalty_fen += m.penalty_fen;
        }
      }
    }
    if (rules.elimination)
      report.elimination_listed = write_elimination_list(sql, *rules.elimination, month, rules.policy_version, now);
    store::mark_closed(sql, kMonth, month.str(), now, actor ? std::optional<long long>(actor->user_id) : std::nullopt,
                       std::to_string(report.people) + " people, " + std::to_string(report.bonuses) + " bonuses, " +
                           std::to_string(report.penalties) + " penalties");
    return report;
  });
}

std::vector<MonthCloseReport> MonthCloser::close_due() {
  std::vector<MonthCloseReport> out;
  const auto start = days_.evaluation_start();
  if (!start) return out;
  const calendar::LocalDate today = time_.today();
  for (calendar::Month m = calendar::Month::of(*start); m.last() < today; m = m.next()) {
    if (!is_closed(m)) out.push_back(close_month(nullptr, m));
  }
  return out;
}

}  // namespace waihu::discipline
