#include "calls/timeline.hpp"

#include "calls/follow_up_store.hpp"
#include "calls/store.hpp"
#include "crm/access.hpp"
#include "crm/rules.hpp"
#include "db/keyset.hpp"
#include "db/query.hpp"

namespace waihu::calls {

namespace {
constexpr int kCall = 0, kFollowUp = 1, kOwnership = 2;

// One row per event, from the three tables, as (kind, id, at, key).
std::vector<TimelineEntry> events(soci::session& sql, long long customer_id, const std::optional<db::Cursor>& after,
                                  int limit) {
  db::Query q;
  std::string c1 = q.bind(customer_id), c2 = q.bind(customer_id), c3 = q.bind(customer_id);
  q << "SELECT kind, id, at, k FROM ("
    << "SELECT " << std::to_string(kCall)
    << " AS kind, id, started_at AS at, id * 4 AS k FROM calls WHERE customer_id = " << c1 << " UNION ALL SELECT "
    << std::to_string(kFollowUp) << ", id, at, id * 4 + 1 FROM follow_ups WHERE customer_id = " << c2
    << " UNION ALL SELECT " << std::to_string(kOwnership)
    << ", id, at, id * 4 + 2 FROM audit_log WHERE entity = 'customer' AND action = 'customer.assign' AND entity_id = "
    << c3 << ") t WHERE 1=1";
  db::KeysetSort sort{"at", "k", true, true};
  if (after) q << " AND " << db::keyset_after(q, sort, *after);
  q << " ORDER BY " << db::keyset_order(sort) << " LIMIT " << std::to_string(limit + 1);
  std::vector<TimelineEntry> out;
  for (const auto& r : q.fetch(sql, 4)) {
    TimelineEntry e;
    int kind = static_cast<int>(r.i64(0));
    e.kind = kind == kCall ? "call" : kind == kFollowUp ? "follow_up" : "ownership";
    e.at = r.i64(2);
    e.key = r.i64(3);
    out.push_back(std::move(e));
  }
  return out;
}

std::optional<long long> owner_in(const nlohmann::json& snapshot) {
  if (!snapshot.is_object() || !snapshot.contains("owner_id") || snapshot["owner_id"].is_null()) return std::nullopt;
  return snapshot["owner_id"].get<long long>();
}
}  // namespace

Page<TimelineEntry> TimelineService::timeline(const org::Actor& actor, long long customer_id, const std::string& cursor,
                                              int limit) {
  crm::Customer customer = customers_.get_for_calling(actor, customer_id);  // scope check
  bool mask = !crm::phones_visible(actor, customer);
  auto after = db::cursor_param(cursor);
  auto page = db_.read([&](soci::session& sql) {
    auto page = db::page_of(events(sql, customer_id, after, limit), limit, [](const TimelineEntry& e) {
      return db::Cursor{std::to_string(e.at), e.key};
    });
    for (auto& e : page.items) {
      long long id = e.key / 4;
      if (e.kind == "call") {
        e.call = store::call_by_id(sql, id);
      } else if (e.kind == "follow_up") {
        e.follow_up = store::follow_up_by_id(sql, id);
      } else {
        db::Query q;
        q << "SELECT before_json, after_json, actor_id FROM audit_log WHERE id = " << q.bind(id);
        if (auto r = q.fetch_one(sql, 3)) {
          e.owner_before = owner_in(nlohmann::json::parse(r->opt_str(0).value_or("null"), nullptr, false));
          e.owner_after = owner_in(nlohmann::json::parse(r->opt_str(1).value_or("null"), nullptr, false));
          e.changed_by = r->opt_i64(2);
        }
      }
    }
    return page;
  });
  for (auto& e : page.items) {
    if (e.call && mask) e.call->number = crm::mask_phone(e.call->number);
  }
  return page;
}

}  // namespace waihu::calls
