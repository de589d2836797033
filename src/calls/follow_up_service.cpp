#include "calls/follow_up_service.hpp"

#include "audit/service.hpp"
#include "calls/follow_up_store.hpp"
#include "calls/rules.hpp"
#include "core/errors.hpp"
#include "db/query.hpp"
#include "kpi/definitions.hpp"
#include "org/rules.hpp"
#include "util/strings.hpp"

namespace waihu::calls {

namespace {
nlohmann::json audit_json(const FollowUp& f) {
  return {{"customer_id", f.customer_id},
          {"agent_id", f.agent_id},
          {"at", f.at},
          {"channel", channel_name(f.channel)},
          {"content", f.content},
          {"next_follow_up_on", f.next_follow_up_on},
          {"callback_at", f.callback_at ? nlohmann::json(*f.callback_at) : nlohmann::json(nullptr)},
          {"complete", f.complete}};
}
}  // namespace

FollowUp FollowUpService::log(const org::Actor& actor, const NewFollowUp& in) {
  if (!org::has_right(actor.role, org::Right::kLogCalls)) {
    throw Forbidden("auth.forbidden", "无权登记跟进记录 / you may not log follow-ups");
  }
  crm::Customer customer = customers_.get_for_calling(actor, in.customer_id);
  if (customers_.access(actor, customer) != crm::Access::kWrite) {
    throw Forbidden("auth.forbidden", "只能跟进自己负责的客户 / you may follow up only customers you work",
                    {{"field", "customer_id"}});
  }
  FollowUp f = prepare(actor, customer, in, time_.now());
  db_.write([&](soci::session& sql) { record(sql, actor, f); });
  return f;
}

FollowUp FollowUpService::prepare(const org::Actor& actor, const crm::Customer& customer, const NewFollowUp& in,
                                  long long now) {
  FollowUp f;
  f.customer_id = customer.id;
  f.agent_id = actor.user_id;
  f.at = in.at.value_or(now);
  if (f.at > now + kClockSkewSeconds) throw BadRequest::field("at", "不能是将来的时间 / cannot be in the future");
  if (f.at < kEarliestCall) throw BadRequest::field("at", "早于 2000 年，请检查日期 / before 2000: check the date");
  f.channel = in.channel;
  for (auto [text, field, max] : {std::tuple{&in.content, "content", 4000}, std::tuple{&in.outcome, "outcome", 1000},
                                  std::tuple{&in.next_step, "next_step", 1000}}) {
    if (!util::is_valid_utf8(*text) || util::utf8_length(*text) > static_cast<size_t>(max)) {
      throw BadRequest::field(
          field, "最多 " + std::to_string(max) + " 个字符 / at most " + std::to_string(max) + " characters");
    }
  }
  f.content = std::string(util::trim(in.content));
  f.outcome = std::string(util::trim(in.outcome));
  f.next_step = std::string(util::trim(in.next_step));
  if (!in.next_follow_up_on.empty()) {
    if (!util::is_valid_date(in.next_follow_up_on)) {
      throw BadRequest::field("next_follow_up_on", "应为 YYYY-MM-DD / must be YYYY-MM-DD");
    }
    if (in.next_follow_up_on < time_.date_at(now).str()) {
      throw BadRequest::field("next_follow_up_on", "不能早于今天 / cannot be before today");
    }
    f.next_follow_up_on = in.next_follow_up_on;
  }
  if (in.callback_at) {
    if (*in.callback_at <= now) throw BadRequest::field("callback_at", "回电时间应晚于现在 / must be later than now");
    if (*in.callback_at > now + 366 * 86400) {
      throw BadRequest::field("callback_at", "回电时间不能超过一年以后 / at most a year ahead");
    }
    f.callback_at = in.callback_at;
    if (f.next_follow_up_on.empty()) f.next_follow_up_on = time_.date_at(*in.callback_at).str();
  }
  f.missing = missing_for_complete(customer, f.content);
  f.complete = f.missing.empty();
  if (f.channel == Channel::kFax) {
    const bool called_before = db_.read([&](soci::session& sql) {
      db::Query q;
      q << "SELECT COUNT(*) FROM calls WHERE agent_id = " << q.bind(f.agent_id)
        << " AND customer_id = " << q.bind(customer.id) << " AND started_at < " << q.bind(f.at);
      return q.scalar(sql).value_or(0) > 0;
    });
    f.counts_as_fax = kpi::fax_counts(record_facts(customer), called_before);
  }
  f.created_at = now;
  return f;
}

void FollowUpService::record(soci::session& sql, const org::Actor& actor, FollowUp& f) {
  store::insert_follow_up(sql, db_.dialect(), f);
  customers_.record_follow_up(sql, f.customer_id, f.at, f.next_follow_up_on, f.callback_at);
  if (days_) days_->touch(sql, f.agent_id, f.at, kpi::store::kFollowUps);
  audit::record(sql, {0, f.created_at, org::audit_actor(actor), "follow_up.log", "follow_up", f.id, nullptr,
                      audit_json(f), nullptr});
}

std::vector<FollowUp> FollowUpService::follow_ups_by_ids(const std::vector<long long>& ids) {
  return db_.read([&](soci::session& sql) {
    std::vector<FollowUp> out;
    for (long long id : ids) {
      if (auto f = store::follow_up_by_id(sql, id)) out.push_back(std::move(*f));
    }
    return out;
  });
}

Page<FollowUp> FollowUpService::list(const org::Actor& actor, std::optional<long long> customer_id,
                                     std::optional<long long> agent_id, const std::string& cursor, int limit) {
  auto after = db::cursor_param(cursor);
  auto rows = db_.read([&](soci::session& sql) {
    return store::list_follow_ups(sql, customer_id, agent_id, org::scope_filter(actor), after, limit);
  });
  return db::page_of(std::move(rows), limit, [](const FollowUp& f) { return db::Cursor{std::to_string(f.at), f.id}; });
}

}  // namespace waihu::calls
