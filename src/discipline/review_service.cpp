#include "discipline/review_service.hpp"

#include <algorithm>
#include <map>

#include "core/errors.hpp"
#include "kpi/ranking.hpp"
#include "org/rules.hpp"
#include "util/strings.hpp"

namespace waihu::discipline {

WeekReview ReviewService::week(const org::Actor& actor, const calendar::LocalDate& day,
                               std::optional<long long> team_id) {
  if (!org::has_right(actor.role, org::Right::kViewOverview))
    throw Forbidden("forbidden", "周五过堂需要主管及以上权限 / the Friday review is for supervisors and above");
  WeekReview out;
  out.week = calendar::week_of(day, rules_(day).week_start);
  const calendar::Period so_far{out.week.from, std::min(out.week.to, time_.today())};
  // The metric layer in the reader's scope (NotFound for a team outside it), agents without a figure at zero.
  const kpi::Metrics m =
      so_far.to < so_far.from ? kpi::Metrics{} : metrics_.by_agent(actor, so_far, team_id, std::nullopt);
  std::map<long long, kpi::store::Figures> figures;
  for (const auto& r : m.rows) figures[r.id] = r.figures;
  std::vector<long long> teams;
  if (team_id) teams = metrics_.team_within_scope(actor, *team_id, org_.list_teams());
  std::vector<org::User> people;
  for (auto& u : org_.users_in_scope(actor)) {
    if (u.disabled || u.employment_status == org::EmploymentStatus::kLeft || u.role != org::Role::kAgent) continue;
    if (team_id && std::find(teams.begin(), teams.end(), u.team_id) == teams.end()) continue;
    people.push_back(std::move(u));
  }
  const size_t effective = kpi::store::metric_index("effective_calls");
  const size_t a = kpi::store::metric_index("new_customers_a"), b = kpi::store::metric_index("new_customers_b");
  // 评比: effective calls first, A/B customers found breaking ties (×1000 keeps calls the first key).
  std::vector<kpi::Scored> scores;
  std::vector<long long> ids;
  for (const auto& u : people) {
    const auto& f = figures[u.id];
    scores.push_back({u.id, f[effective] * 1000 + std::min<long long>(f[a] + f[b], 999)});
    ids.push_back(u.id);
  }
  const auto kept = db_.read([&](soci::session& sql) { return store::reviews(sql, out.week.from.str(), ids); });
  std::vector<long long> reviewers;
  for (const auto& [id, r] : kept) reviewers.push_back(r.reviewed_by);
  const auto names = org_.people_names(reviewers);
  std::map<long long, const org::User*> by_id;
  for (const auto& u : people) by_id[u.id] = &u;
  for (const auto& s : kpi::rank_scores(std::move(scores))) {
    const org::User& u = *by_id.at(s.id);
    ReviewRow row{u.id, u.team_id, u.display_name, figures[u.id], s.rank, std::nullopt, ""};
    if (auto it = kept.find(u.id); it != kept.end()) {
      row.review = it->second;
      if (auto n = names.find(it->second.reviewed_by); n != names.end()) row.reviewed_by_name = n->second.display_name;
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

ReviewRow ReviewService::comment(const org::Actor& actor, long long user_id, const calendar::LocalDate& day,
                                 const std::string& text) {
  if (!org::has_right(actor.role, org::Right::kEnterPoints))
    throw Forbidden("forbidden", "过堂点评需要主管及以上权限 / the review's comments are for supervisors and above");
  if (user_id == actor.user_id || !org_.sees_records_of(actor, user_id))
    throw NotFound("user.not_found", "用户不存在 / no such user");
  const std::string comment(util::trim(text));
  if (comment.empty()) throw BadRequest::field("comment", "必填 / required", "validation.required");
  if (comment.size() > 4000) throw BadRequest::field("comment", "太长 / too long");
  const calendar::Period week = calendar::week_of(day, rules_(day).week_start);
  if (time_.today() < week.from) throw BadRequest::field("date", "这一周还没开始 / the week has not begun");
  store::WeeklyReview r{user_id, week.from.str(), comment, actor.user_id, time_.now()};
  db_.write([&](soci::session& sql) { store::put_review(sql, r); });
  const org::User u = org_.get_user(nullptr, user_id);
  return {u.id, u.team_id, u.display_name, {}, 0, r, org_.get_user(nullptr, actor.user_id).display_name};
}

}  // namespace waihu::discipline
