#include "discipline/review_routes.hpp"

#include "core/errors.hpp"
#include "http/json_input.hpp"
#include "kpi/json.hpp"
#include "util/clock.hpp"

namespace waihu::discipline {

namespace {
nlohmann::json review_json(const store::WeeklyReview& r, const std::string& by_name) {
  return {{"week_from", r.week_from},
          {"comment", r.comment},
          {"reviewed_by", r.reviewed_by},
          {"reviewed_by_name", by_name},
          {"reviewed_at", util::format_iso_utc(r.reviewed_at)}};
}
}  // namespace

void register_review_routes(http::Router& router, ReviewService& reviews) {
  router.add("GET", "/api/v1/discipline/weekly-review", [&reviews](http::Context& c) {
    c.allow_query({"date", "team_id"});
    const WeekReview w =
        reviews.week(c.actor(), c.query_date("date").value_or(c.time().today()), c.query_int("team_id"));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : w.rows)
      items.push_back({{"user_id", r.user_id},
                       {"team_id", r.team_id},
                       {"name", r.name},
                       {"rank", r.rank},
                       {"metrics", kpi::figures_json(r.figures)},
                       {"review", r.review ? review_json(*r.review, r.reviewed_by_name) : nlohmann::json(nullptr)}});
    return http::Response::json({{"from", w.week.from.str()}, {"to", w.week.to.str()}, {"items", items}});
  });
  router.add("PUT", "/api/v1/discipline/weekly-review", [&reviews](http::Context& c) {
    http::JsonBody b(c.request.body, {"user_id", "date", "comment"});
    const auto user = b.integer("user_id");
    if (!user) throw BadRequest::field("user_id", "必填 / required", "validation.required");
    const auto date = calendar::LocalDate::parse(*b.required_text("date"));
    if (!date) throw BadRequest::field("date", "应为 YYYY-MM-DD / must be YYYY-MM-DD");
    const ReviewRow r = reviews.comment(c.actor(), *user, *date, b.text("comment").value_or(""));
    return http::Response::json(review_json(*r.review, r.reviewed_by_name));
  });
}

}  // namespace waihu::discipline
