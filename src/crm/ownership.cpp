// Who owns a customer, and how that changes: claims from the pool, releases to it, supervisors' reassignments.
#include "audit/service.hpp"
#include "core/errors.hpp"
#include "crm/json.hpp"
#include "crm/service.hpp"
#include "crm/store.hpp"
#include "org/rules.hpp"
#include "util/strings.hpp"

namespace waihu::crm {

namespace {
NotFound no_such_customer(long long id) {
  return NotFound("customer.not_found", "客户不存在 / no such customer", {{"id", id}});
}

std::string checked_reason(const std::string& reason) {
  std::string why(util::trim(reason));
  if (why.empty()) throw BadRequest::field("reason", "须注明原因 / a reason is required", "validation.required");
  if (util::utf8_length(why) > 500) throw BadRequest::field("reason", "最多 500 个字符 / at most 500 characters");
  return why;
}

// The one way an owner changes: the row and its audit, in the caller's transaction.
void move_owner(soci::session& sql, std::optional<long long> actor_id, Customer& c, std::optional<long long> to,
                long long now, nlohmann::json how) {
  Customer before = c;
  c.owner_id = to;
  c.updated_at = now;
  store::set_owner(sql, c.id, to, now);
  audit::record(sql,
                {0, now, actor_id, "customer.assign", "customer", c.id, to_json(before), to_json(c), std::move(how)});
}
}  // namespace

Customer CustomerService::claim(const org::Actor& actor, long long id) {
  if (!org::has_right(actor.role, org::Right::kClaimPool)) {
    throw Forbidden("customer.claim_forbidden",
                    "只有坐席领取公海客户；主管请用分配 / agents claim pool customers; supervisors assign them");
  }
  const long long now = clock_.now();
  Customer c = db_.write([&](soci::session& sql) {
    auto cur = store::customer_by_id(sql, id, db::Lock::kForUpdate);
    if (!cur) throw no_such_customer(id);
    if (cur->owner_id == actor.user_id) return *cur;
    if (cur->owner_id) {
      throw Conflict("customer.already_claimed", "该客户已被其他销售领取 / another agent claimed this customer first",
                     {{"id", id}});
    }
    move_owner(sql, actor.user_id, *cur, actor.user_id, now, {{"via", "claim"}});
    return *cur;
  });
  present(actor, c);
  return c;
}

Customer CustomerService::release(const org::Actor& actor, long long id, const std::string& reason) {
  const std::string why = checked_reason(reason);
  const long long now = clock_.now();
  Customer c = db_.write([&](soci::session& sql) {
    auto cur = store::customer_by_id(sql, id, db::Lock::kForUpdate);
    if (!cur) throw no_such_customer(id);
    const Access access = customer_access(actor, *cur, owner_team(cur->owner_id));
    if (access == Access::kNone) throw no_such_customer(id);
    if (!cur->owner_id) throw RuleViolation("customer.already_in_pool", "该客户已在公海 / already in the pool");
    if (access != Access::kWrite) {
      throw Forbidden("auth.forbidden", "无权释放该客户 / you may not release this customer");
    }
    move_owner(sql, actor.user_id, *cur, std::nullopt, now, {{"via", "release"}, {"reason", why}});
    return *cur;
  });
  present(actor, c);
  return c;
}

long long CustomerService::reassign(const org::Actor& actor, const Reassignment& r) {
  if (!org::has_right(actor.role, org::Right::kAssignOwner)) {
    throw Forbidden("customer.assign_forbidden", "无权分配客户 / you may not assign customers");
  }
  const std::string why = checked_reason(r.reason);
  if (r.customer_ids.empty() == !r.from_owner_id) {
    throw BadRequest::field("customer_ids",
                            "给出 customer_ids 或 from_owner_id 之一 / give customer_ids or from_owner_id");
  }
  if (r.from_owner_id) {
    try {
      org_.get_user(&actor, *r.from_owner_id);
    } catch (const NotFound&) {
      throw BadRequest::field("from_owner_id", "用户不存在或不在你的范围内 / no such user in your scope");
    }
  }
  // The target: an active user in the actor's scope, or the pool.
  std::optional<long long> to =
      r.to_owner_id ? resolve_owner(actor, OwnerChange(r.to_owner_id), std::nullopt) : std::nullopt;
  const long long now = clock_.now();
  return db_.write([&](soci::session& sql) {
    std::vector<long long> ids = r.from_owner_id ? store::customers_owned_by(sql, *r.from_owner_id) : r.customer_ids;
    if (ids.size() > kMaxReassign) {
      throw BadRequest::field("customer_ids", "一次最多 " + std::to_string(kMaxReassign) + " 个客户 / at most " +
                                                  std::to_string(kMaxReassign) + " customers at once");
    }
    long long moved = 0;
    for (long long id : ids) {
      auto cur = store::customer_by_id(sql, id, db::Lock::kForUpdate);
      if (!cur || customer_access(actor, *cur, owner_team(cur->owner_id)) != Access::kWrite) {
        throw no_such_customer(id);  // all or none: nothing has been written
      }
      if (cur->owner_id == to) continue;
      move_owner(sql, actor.user_id, *cur, to, now, {{"via", "reassign"}, {"reason", why}});
      ++moved;
    }
    return moved;
  });
}

}  // namespace waihu::crm
