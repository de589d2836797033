#include "reporting/timeline.hpp"

#include <unordered_map>

#include "crm/access.hpp"
#include "crm/rules.hpp"
#include "db/keyset.hpp"
#include "reporting/timeline_store.hpp"

namespace waihu::reporting {

namespace {
using store::EventKind;

std::optional<long long> owner_in(const nlohmann::json& snapshot) {
  if (!snapshot.is_object() || !snapshot.contains("owner_id") || snapshot["owner_id"].is_null()) return std::nullopt;
  return snapshot["owner_id"].get<long long>();
}

// Fetches the details of one kind of event through `by_ids` and hands each to `attach` by id.
template <typename T, typename ByIds, typename Attach>
void fill(const std::vector<store::Event>& events, EventKind kind, ByIds by_ids, Attach attach) {
  std::vector<long long> ids;
  for (const auto& e : events) {
    if (e.kind == kind) ids.push_back(e.id);
  }
  if (ids.empty()) return;
  std::unordered_map<long long, T> found;
  for (auto& item : by_ids(ids)) found.emplace(item.id, std::move(item));
  attach(found);
}
}  // namespace

Page<TimelineEntry> TimelineService::timeline(const org::Actor& actor, long long customer_id, const std::string& cursor,
                                              int limit) {
  crm::Customer customer = customers_.get_for_calling(actor, customer_id);  // the scope check
  bool mask = !crm::phones_visible(actor, customer);
  auto events = db_.read(
      [&](soci::session& sql) { return store::customer_events(sql, customer_id, db::cursor_param(cursor), limit); });
  auto page = db::page_of(std::move(events), limit, [](const store::Event& e) {
    return db::Cursor{std::to_string(e.at), e.key};
  });

  static constexpr const char* kKinds[] = {"call", "follow_up", "ownership", "deal", "payment", "status"};
  Page<TimelineEntry> out;
  out.next_cursor = page.next_cursor;
  std::unordered_map<long long, size_t> index;  // event key → position in out.items
  for (const auto& e : page.items) {
    index[e.key] = out.items.size();
    TimelineEntry entry;
    entry.kind = kKinds[static_cast<int>(e.kind)];
    entry.at = e.at;
    entry.key = e.key;
    out.items.push_back(std::move(entry));
  }
  auto entry_of = [&](EventKind kind, long long id) -> TimelineEntry& {
    return out.items[index.at(id * 8 + static_cast<int>(kind))];
  };
  fill<calls::Call>(
      page.items, EventKind::kCall, [&](auto& ids) { return calls_.calls_by_ids(ids); },
      [&](auto& found) {
        for (auto& [id, c] : found) {
          if (mask) c.number = crm::mask_phone(c.number);
          entry_of(EventKind::kCall, id).call = c;
        }
      });
  fill<calls::FollowUp>(
      page.items, EventKind::kFollowUp, [&](auto& ids) { return follow_ups_.follow_ups_by_ids(ids); },
      [&](auto& found) {
        for (auto& [id, f] : found) entry_of(EventKind::kFollowUp, id).follow_up = f;
      });
  fill<sales::Deal>(
      page.items, EventKind::kDeal, [&](auto& ids) { return deals_.deals_by_ids(ids); },
      [&](auto& found) {
        for (auto& [id, d] : found) entry_of(EventKind::kDeal, id).deal = d;
      });
  fill<sales::Payment>(
      page.items, EventKind::kPayment, [&](auto& ids) { return deals_.payments_by_ids(ids); },
      [&](auto& found) {
        for (auto& [id, p] : found) entry_of(EventKind::kPayment, id).payment = p;
      });
  for (const auto& e : page.items) {
    if (e.kind != EventKind::kOwnership && e.kind != EventKind::kStatus) continue;
    auto a = audit_.entry(e.id);
    if (!a) continue;
    TimelineEntry& t = entry_of(e.kind, e.id);
    t.changed_by = a->actor_id;
    if (e.kind == EventKind::kOwnership) {
      t.owner_before = owner_in(a->before);
      t.owner_after = owner_in(a->after);
    } else {
      auto status = [](const nlohmann::json& j) { return j.is_object() ? j.value("status", "") : std::string(); };
      t.status_before = status(a->before);
      t.status_after = status(a->after);
    }
  }
  attach_companions(customer_id, out.items);
  name_people(out.items);
  return out;
}

void TimelineService::attach_companions(long long customer_id, std::vector<TimelineEntry>& entries) {
  // A follow-up written with its call, and the status move the call made, are stamped at the call's end by the
  // same agent: one conversation, one entry (the call's), as the agent saved it.
  std::vector<long long> ends;
  for (const auto& e : entries) {
    if (e.call) ends.push_back(e.call->ended_at);
  }
  auto companions = db_.read([&](soci::session& sql) { return store::call_companions(sql, customer_id, ends); });
  for (const auto& c : companions) {
    TimelineEntry* call = nullptr;
    for (auto& e : entries) {
      if (e.call && e.call->ended_at == c.at && c.by == e.call->agent_id) call = &e;
    }
    if (!call) continue;
    if (c.kind == EventKind::kFollowUp) {
      auto found = follow_ups_.follow_ups_by_ids({c.id});
      if (!found.empty()) call->follow_up = std::move(found.front());
    } else if (auto a = audit_.entry(c.id)) {
      auto status = [](const nlohmann::json& j) { return j.is_object() ? j.value("status", "") : std::string(); };
      call->status_before = status(a->before);
      call->status_after = status(a->after);
    }
  }
}

void TimelineService::name_people(std::vector<TimelineEntry>& entries) {
  auto who = [](const TimelineEntry& e) -> std::optional<long long> {
    if (e.call) return e.call->agent_id;
    if (e.follow_up) return e.follow_up->agent_id;
    if (e.deal) return e.deal->agent_id;
    return e.changed_by;
  };
  std::vector<long long> ids;
  for (const auto& e : entries) {
    for (const auto& id : {who(e), e.owner_before, e.owner_after}) {
      if (id) ids.push_back(*id);
    }
  }
  auto names = org_.people_names(ids);
  auto name = [&](const std::optional<long long>& id) -> std::string {
    if (!id) return "";
    auto it = names.find(*id);
    return it == names.end() ? "" : it->second.display_name;
  };
  for (auto& e : entries) {
    e.by_name = name(who(e));
    e.owner_before_name = name(e.owner_before);
    e.owner_after_name = name(e.owner_after);
    if (e.call) e.call->agent_name = e.by_name;
  }
}

}  // namespace waihu::reporting
