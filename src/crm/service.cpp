#include "crm/service.hpp"

#include <algorithm>
#include <unordered_map>
#include <variant>

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "crm/access.hpp"
#include "crm/duplicates.hpp"
#include "crm/json.hpp"
#include "crm/rules.hpp"
#include "crm/store.hpp"
#include "org/rules.hpp"

namespace waihu::crm {

namespace {
void throw_field(const FieldError& e) { throw BadRequest::field(e.field, e.reason); }

}  // namespace

std::optional<long long> CustomerService::owner_team(std::optional<long long> owner_id) {
  if (!owner_id) return std::nullopt;
  return org_.get_user(nullptr, *owner_id).team_id;
}

void CustomerService::present(const org::Actor& actor, Customer& c) const {
  if (!phones_visible(actor, c)) mask_phones(c);
  if (c.owner_id && c.owner_name.empty()) name_owners(std::span<Customer>(&c, 1));
}

void CustomerService::name_owners(std::span<Customer> customers) const {
  std::vector<long long> ids;
  for (const auto& c : customers) {
    if (c.owner_id) ids.push_back(*c.owner_id);
  }
  if (ids.empty()) return;
  auto names = org_.people_names(ids);
  for (auto& c : customers) {
    if (!c.owner_id) continue;
    if (auto it = names.find(*c.owner_id); it != names.end()) c.owner_name = it->second.display_name;
  }
}

std::optional<long long> CustomerService::resolve_owner(const org::Actor& actor, const OwnerChange& owner,
                                                        std::optional<long long> current) {
  if (!owner) return current;
  const auto& target = *owner;
  if (target == current) return current;
  if (!org::has_right(actor.role, org::Right::kAssignOwner)) {
    throw Forbidden("customer.assign_forbidden", "无权分配客户 / you may not assign customers",
                    {{"field", "owner_id"}});
  }
  if (!target) return std::nullopt;
  org::User u = [&] {
    try {
      return org_.get_user(&actor, *target);
    } catch (const NotFound&) {
      throw BadRequest::field("owner_id", "负责人不存在或不在你的范围内 / no such user in your scope");
    }
  }();
  if (u.disabled) throw BadRequest::field("owner_id", "负责人已停用 / that user is disabled");
  return u.id;
}

Customer CustomerService::create(const org::Actor& actor, const CustomerInput& in, const OwnerChange& owner) {
  if (!org::has_right(actor.role, org::Right::kWriteCustomers)) {
    throw Forbidden("auth.forbidden", "无权新建客户 / you may not create customers");
  }
  Customer base;
  // An agent's new customer is their own; others put it in the pool unless they name an owner.
  std::optional<long long> default_owner =
      org::data_scope(actor.role) == org::Scope::kOwn ? std::optional<long long>(actor.user_id) : std::nullopt;
  if (org::data_scope(actor.role) == org::Scope::kOwn && owner && *owner != default_owner) {
    throw Forbidden("customer.assign_forbidden", "只能新建自己的客户 / agents create their own customers",
                    {{"field", "owner_id"}});
  }
  base.owner_id =
      org::data_scope(actor.role) == org::Scope::kOwn ? default_owner : resolve_owner(actor, owner, default_owner);
  Customer c;
  if (auto e = apply_customer_input(in, base, phones_, c)) throw_field(*e);
  c.created_by = actor.user_id;
  c.created_at = c.updated_at = clock_.now();

  using Outcome = std::variant<Customer, Duplicate, long long>;  // created | plain duplicate | claim id
  Duplicate dup;
  Outcome out = db_.write([&](soci::session& sql) -> Outcome {
    store::HolderLookup holders(sql);
    if (auto d = find_duplicate(holders, c, 0)) {
      if (d->is_claim(c.owner_id)) {
        dup = *d;
        return open_claim(sql, *d, c, "api", actor.user_id, c.created_at);
      }
      return *d;
    }
    store::CustomerWriter writer(sql, db_.dialect());
    writer.insert(c);
    audit::record(sql,
                  {0, c.created_at, actor.user_id, "customer.create", "customer", c.id, nullptr, to_json(c), nullptr});
    if (days_ && c.created_by) days_->touch(sql, *c.created_by, c.created_at, kpi::store::kCustomers);
    return c;
  });
  // Who holds it, masked: the agent knows whom to ask (or which supervisor decides), without a name to go round.
  auto holder_name = [&](std::optional<long long> owner) -> nlohmann::json {
    if (!owner) return nullptr;
    auto names = org_.people_names({*owner});
    return names.count(*owner) ? nlohmann::json(mask_person_name(names[*owner].display_name)) : nlohmann::json(nullptr);
  };
  if (auto* claim_id = std::get_if<long long>(&out)) {
    throw Conflict(
        "customer.duplicate_claim",
        "该客户已由其他销售跟进，已登记撞单 / another agent holds this customer; a duplicate claim was opened",
        {{"field", dup.reason == "phone" ? "phones" : "company"},
         {"claim_id", *claim_id},
         {"reason", dup.reason},
         {"holder_name", holder_name(dup.holder.owner_id)}});
  }
  if (auto* d = std::get_if<Duplicate>(&out)) {
    nlohmann::json details{{"field", d->reason == "phone" ? "phones" : "company"},
                           {"reason", d->reason},
                           {"holder_name", holder_name(d->holder.owner_id)}};
    Customer existing;
    existing.owner_id = d->holder.owner_id;
    // Named only to whoever may see that customer's numbers: otherwise the answer would tell which pool customer
    // holds a number the pool hides.
    if (phones_visible(actor, existing) &&
        customer_access(actor, existing, owner_team(d->holder.owner_id)) != Access::kNone) {
      details["customer_id"] = d->holder.customer_id;
    }
    throw Conflict("customer.duplicate_phone", "号码已存在于另一客户 / this phone already belongs to a customer",
                   details);
  }
  Customer created = std::get<Customer>(out);
  present(actor, created);
  return created;
}

Customer CustomerService::update(const org::Actor& actor, long long id, const CustomerInput& in,
                                 const OwnerChange& owner) {
  Customer current = db_.read([&](soci::session& sql) {
    auto c = store::customer_by_id(sql, id);
    if (!c) throw NotFound("customer.not_found", "客户不存在 / no such customer", {{"id", id}});
    return *c;
  });
  Access access = customer_access(actor, current, owner_team(current.owner_id));
  if (access == Access::kNone) throw NotFound("customer.not_found", "客户不存在 / no such customer", {{"id", id}});
  if (access != Access::kWrite) throw Forbidden("auth.forbidden", "无权修改该客户 / you may not change this customer");
  // Agents see pool customers with masked phones: a phone list they send cannot have come from what they saw.
  Customer base = current;
  base.owner_id = resolve_owner(actor, owner, current.owner_id);
  Customer c;
  if (auto e = apply_customer_input(in, base, phones_, c)) throw_field(*e);
  bool manager_override = actor.role == org::Role::kAdmin || actor.role == org::Role::kManager;
  if (!manager_override && !can_change_status(current.status, c.status)) {
    throw RuleViolation("customer.status_transition",
                        "不能从 " + std::string(status_name(current.status)) + " 改为 " +
                            std::string(status_name(c.status)) + " / status change not allowed",
                        {{"field", "status"}, {"from", status_name(current.status)}, {"to", status_name(c.status)}});
  }
  c.updated_at = clock_.now();
  db_.write([&](soci::session& sql) {
    // Phones are checked before companies, so a phone clash is what comes back when there is one.
    store::HolderLookup holders(sql);
    if (auto d = find_duplicate(holders, c, id); d && d->reason == "phone") {
      throw Conflict("customer.duplicate_phone", "号码已存在于另一客户 / this phone already belongs to a customer",
                     {{"field", "phones"}, {"phone", d->matched}});
    }
    // Re-read inside the transaction: refuse to overwrite a change made since we read.
    auto fresh = store::customer_by_id(sql, id, db::Lock::kForUpdate);
    if (!fresh || fresh->updated_at != current.updated_at) {
      throw Conflict("customer.changed", "客户资料已被他人修改，请刷新后重试 / changed meanwhile; reload and retry");
    }
    store::CustomerWriter(sql, db_.dialect()).update(c);
    const char* action = c.owner_id != current.owner_id ? "customer.assign" : "customer.update";
    audit::record(sql, {0, c.updated_at, actor.user_id, action, "customer", id, to_json(current), to_json(c), nullptr});
  });
  present(actor, c);
  return c;
}

Customer CustomerService::get(const org::Actor& actor, long long id) {
  auto c = db_.read([&](soci::session& sql) { return store::customer_by_id(sql, id); });
  if (!c || customer_access(actor, *c, owner_team(c->owner_id)) == Access::kNone) {
    throw NotFound("customer.not_found", "客户不存在 / no such customer", {{"id", id}});
  }
  present(actor, *c);
  return *c;
}

namespace {
// What a list's SQL needs besides the filter: the actor's scope, the expanded team filter, the phone search.
struct ListQuery {
  store::Scope scope;
  std::vector<long long> owner_teams;
  store::PhoneSearch search;
};
ListQuery list_query(org::OrgService& org, const PhoneNormalizer& phones, const org::Actor& actor,
                     const CustomerFilter& f) {
  ListQuery l{org::scope_filter(actor), {}, {phone_visibility(actor), actor.user_id, std::nullopt}};
  if (f.team_id) l.owner_teams = org::team_subtree(org.list_teams(), *f.team_id);
  if (!f.q.empty()) {
    if (auto p = phones.normalize(f.q); p.phone) l.search.whole_number = p.phone->e164;
  }
  return l;
}
}  // namespace

long long CustomerService::count(const org::Actor& actor, const CustomerFilter& f) {
  ListQuery l = list_query(org_, phones_, actor, f);
  return db_.read([&](soci::session& sql) { return store::count_customers(sql, f, l.scope, l.owner_teams, l.search); });
}

Page<Customer> CustomerService::list(const org::Actor& actor, const CustomerFilter& f, const std::string& cursor,
                                     int limit) {
  auto after = db::cursor_param(cursor);
  ListQuery l = list_query(org_, phones_, actor, f);
  auto rows = db_.read([&](soci::session& sql) {
    return store::list_customers(sql, f, l.scope, l.owner_teams, l.search, after, limit);
  });
  auto page = db::page_of(std::move(rows), limit, [&](const Customer& c) { return store::cursor_after(c, f.sort); });
  name_owners(page.items);
  for (auto& c : page.items) present(actor, c);
  return page;
}

Customer CustomerService::record_contact(soci::session& sql, const org::Actor& actor, long long customer_id,
                                         long long at, const std::string& call_result,
                                         std::optional<CustomerStatus> next) {
  auto current = store::customer_by_id(sql, customer_id, db::Lock::kForUpdate);
  if (!current) throw NotFound("customer.not_found", "客户不存在 / no such customer", {{"id", customer_id}});
  store::record_contact(sql, customer_id, at, call_result, clock_.now());
  if (next) move_status(sql, actor, *current, *next, at, {{"origin", "call"}, {"result", call_result}});
  return *current;
}

void CustomerService::record_contacts(soci::session& sql, const org::Actor& actor,
                                      const std::vector<ContactSummary>& contacts, const std::string& origin) {
  std::vector<store::ContactBatch::Contact> rows;
  rows.reserve(contacts.size());
  std::unordered_map<long long, const ContactSummary*> by_id;
  for (const auto& c : contacts) {
    rows.push_back({c.customer_id, c.last_at, c.last_result, !c.moves.empty()});
    if (!c.moves.empty()) by_id.emplace(c.customer_id, &c);
  }
  const long long now = clock_.now();
  store::ContactBatch batch(sql, db_.dialect(), rows);
  batch.record_last_contacts(now);
  std::vector<store::ContactBatch::Move> moves;
  for (const auto& [id, current] : batch.statuses()) {
    CustomerStatus next = status_after_moves(current, by_id.at(id)->moves);
    if (next != current) moves.push_back({id, current, next});
  }
  batch.move_statuses(moves, org::audit_actor(actor), now, nlohmann::json{{"origin", origin}}.dump(), now);
}

PhoneDirectory CustomerService::phone_directory(const org::Actor& actor) {
  std::unordered_map<long long, long long> team_of;
  if (org::data_scope(actor.role) != org::Scope::kAll) {
    for (const auto& u : org_.users_in_scope(org::system_actor())) team_of.emplace(u.id, u.team_id);
  }
  auto in_scope = [&](std::optional<long long> owner) {
    Customer held;
    held.owner_id = owner;
    std::optional<long long> team;
    if (owner) {
      auto it = team_of.find(*owner);
      if (it != team_of.end()) team = it->second;
    }
    return customer_access(actor, held, team) == Access::kWrite;
  };
  PhoneDirectory directory;
  db_.read([&](soci::session& sql) {
    store::each_phone_holder(sql, [&](const std::string& e164, long long id, std::optional<long long> owner) {
      directory.add(e164, id, in_scope(owner));
    });
  });
  directory.seal();
  return directory;
}

void CustomerService::advance_status(soci::session& sql, const org::Actor& actor, long long customer_id,
                                     CustomerStatus next, long long at, const std::string& origin) {
  auto current = store::customer_by_id(sql, customer_id, db::Lock::kForUpdate);
  if (!current) throw NotFound("customer.not_found", "客户不存在 / no such customer", {{"id", customer_id}});
  move_status(sql, actor, *current, next, at, {{"origin", origin}});
}

void CustomerService::move_status(soci::session& sql, const org::Actor& actor, const Customer& current,
                                  CustomerStatus next, long long at, const nlohmann::json& why) {
  if (next == current.status || !can_change_status(current.status, next)) return;
  store::set_status(sql, current.id, next, clock_.now());
  audit::record(sql, {0,
                      at,
                      org::audit_actor(actor),
                      "customer.status",
                      "customer",
                      current.id,
                      {{"status", status_name(current.status)}},
                      {{"status", status_name(next)}},
                      why});
}

void CustomerService::record_follow_up(soci::session& sql, long long customer_id, long long at,
                                       const std::string& next_on, std::optional<long long> callback_at) {
  store::record_follow_up(sql, customer_id, at, next_on, callback_at, clock_.now());
}

Customer CustomerService::get_for_calling(const org::Actor& actor, long long id) {
  auto c = db_.read([&](soci::session& sql) { return store::customer_by_id(sql, id); });
  if (!c || customer_access(actor, *c, owner_team(c->owner_id)) == Access::kNone) {
    throw NotFound("customer.not_found", "客户不存在 / no such customer", {{"field", "customer_id"}, {"id", id}});
  }
  return *c;
}

Access CustomerService::access(const org::Actor& actor, const Customer& c) {
  return customer_access(actor, c, owner_team(c.owner_id));
}

std::unordered_map<long long, std::string> CustomerService::names_of(const std::vector<long long>& ids) {
  return db_.read([&](soci::session& sql) { return store::customer_names(sql, ids); });
}

std::unordered_set<long long> CustomerService::phones_visible_among(const org::Actor& actor,
                                                                    std::vector<long long> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  auto owners = db_.read([&](soci::session& sql) { return store::owners_of(sql, ids); });
  std::unordered_set<long long> out;
  for (const auto& [id, owner] : owners) {
    if (phone_visible_for_owner(actor, owner)) out.insert(id);
  }
  return out;
}

std::optional<Customer> CustomerService::find_by_phone(const std::string& e164) {
  return db_.read([&](soci::session& sql) -> std::optional<Customer> {
    store::HolderLookup holders(sql);
    auto h = holders.phone(e164);
    if (!h) return std::nullopt;
    return store::customer_by_id(sql, h->customer_id);
  });
}

}  // namespace waihu::crm
