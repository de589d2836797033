#pragma once
// The supervisor's Friday review (过堂, seed 004
// "在周五下午电话出售例会时……逐个对电话出售员进行过堂反省。首要是对照电话出售
// 日报表客户记载日报表。了解电话出售员本周电话开发家数，A/B级客户家数"): each agent in scope with the week's figures
// from the metric layer — the daily sheets' own counts — their place among the group, and the supervisor's comment.
#include <optional>
#include <string>
#include <vector>

#include "discipline/closing.hpp"
#include "discipline/review_store.hpp"
#include "kpi/service.hpp"
#include "org/service.hpp"

namespace waihu::discipline {

struct ReviewRow {
  long long user_id = 0, team_id = 0;
  std::string name;
  kpi::store::Figures figures{};
  int rank = 0;  ///< by effective calls, then new A/B customers (评比)
  std::optional<store::WeeklyReview> review;
  std::string reviewed_by_name;
};

struct WeekReview {
  calendar::Period week;
  std::vector<ReviewRow> rows;  ///< best first
};

class ReviewService {
 public:
  ReviewService(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org, kpi::MetricsService& metrics,
                RulesAt rules)
      : db_(db), time_(time), org_(org), metrics_(metrics), rules_(std::move(rules)) {}
  /// The week holding `day` (supervisors and up; people in scope, or in `team_id` below it).
  WeekReview week(const org::Actor& actor, const calendar::LocalDate& day, std::optional<long long> team_id);
  /// Writes the comment on a person's week (enter_points; the person in scope, not oneself; not a future week);
  /// the row carries the comment and its writer.
  ReviewRow comment(const org::Actor& actor, long long user_id, const calendar::LocalDate& day,
                    const std::string& text);

 private:
  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
  kpi::MetricsService& metrics_;
  RulesAt rules_;
};

}  // namespace waihu::discipline
