#include "calls/follow_up_store.hpp"

#include "db/query.hpp"
#include "db/row_inserter.hpp"

namespace waihu::calls::store {

namespace {
constexpr const char* kColumns =
    "id, customer_id, agent_id, at, channel, content, outcome, next_step, next_follow_up_on, complete, created_at, "
    "callback_at, fabricated_at, fabricated_by, fabricated_reason";
constexpr size_t kColumnCount = 15;

FollowUp follow_up_from_row(const db::Row& r) {
  FollowUp f;
  f.id = r.i64(0);
  f.customer_id = r.i64(1);
  f.agent_id = r.i64(2);
  f.at = r.i64(3);
  f.channel = parse_channel(r.str(4)).value_or(Channel::kPhone);
  f.content = r.str(5);
  f.outcome = r.str(6);
  f.next_step = r.str(7);
  f.next_follow_up_on = r.opt_str(8).value_or("");
  f.complete = r.i64(9) != 0;
  f.created_at = r.i64(10);
  f.callback_at = r.opt_i64(11);
  if (auto at = r.opt_i64(12)) f.fabricated = Fabrication{*at, r.opt_i64(13).value_or(0), r.opt_str(14).value_or("")};
  return f;
}
}  // namespace

std::optional<FollowUp> follow_up_by_id(soci::session& sql, long long id) {
  db::Query q(std::string("SELECT ") + kColumns + " FROM follow_ups WHERE id = ");
  q << q.bind(id);
  auto r = q.fetch_one(sql, kColumnCount);
  if (!r) return std::nullopt;
  return follow_up_from_row(*r);
}

bool mark_follow_up_fabricated(soci::session& sql, long long id, const Fabrication& f) {
  db::Query q;
  q << "UPDATE follow_ups SET fabricated_at = " << q.bind(f.at) << ", fabricated_by = " << q.bind(f.by)
    << ", fabricated_reason = " << q.bind(f.reason) << " WHERE id = " << q.bind(id) << " AND fabricated_at IS NULL";
  return q.exec_count(sql) > 0;
}

void insert_follow_up(soci::session& sql, db::Dialect dialect, FollowUp& f) {
  db::RowInserter r(sql, dialect, "follow_ups",
                    {"customer_id", "agent_id", "at", "channel", "content", "outcome", "next_step", "next_follow_up_on",
                     "complete", "created_at", "callback_at", "counts_as_fax"});
  r.integer(f.customer_id).integer(f.agent_id).integer(f.at).text(channel_name(f.channel)).text(f.content);
  r.text(f.outcome).text(f.next_step);
  f.next_follow_up_on.empty() ? r.null() : r.text(f.next_follow_up_on);
  r.integer(f.complete ? 1 : 0).integer(f.created_at);
  f.callback_at ? r.integer(*f.callback_at) : r.null();
  r.integer(f.counts_as_fax ? 1 : 0);
  f.id = r.insert();
}

std::vector<FollowUp> list_follow_ups(soci::session& sql, std::optional<long long> customer_id,
                                      std::optional<long long> agent_id, const Scope& scope,
                                      const std::optional<db::Cursor>& after, int limit) {
  db::Query q(std::string("SELECT ") + kColumns + " FROM follow_ups WHERE 1=1");
  q << agent_in_scope(q, scope);
  if (customer_id) q << " AND customer_id = " << q.bind(*customer_id);
  if (agent_id) q << " AND agent_id = " << q.bind(*agent_id);
  db::KeysetSort sort{"at", "id", true, true};
  if (after) q << " AND " << db::keyset_after(q, sort, *after);
  q << " ORDER BY " << db::keyset_order(sort) << " LIMIT " << std::to_string(limit + 1);
  std::vector<FollowUp> out;
  for (const auto& r : q.fetch(sql, kColumnCount)) out.push_back(follow_up_from_row(r));
  return out;
}

}  // namespace waihu::calls::store
