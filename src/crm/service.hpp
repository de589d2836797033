#pragma once
// Customer use cases: create, edit, read and list within the actor's scope, with duplicate detection (撞单) and
// phones masked per role. Every write is audited in the same transaction.
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>

#include "core/page.hpp"
#include "crm/access.hpp"
#include "crm/customer_input.hpp"
#include "crm/model.hpp"
#include "crm/phone.hpp"
#include "crm/phone_directory.hpp"
#include "db/database.hpp"
#include "kpi/keeper.hpp"
#include "org/model.hpp"
#include "org/service.hpp"
#include "util/clock.hpp"

namespace waihu::crm {

/// Owner to set: absent = leave as is (create: the actor when an agent, else the pool); nullopt inside = the pool.
using OwnerChange = std::optional<std::optional<long long>>;

class CustomerService {
 public:
  /// Keeps the agent-day figures current in the same transactions (the composition root wires it).
  void keep_days(const kpi::DayKeeper& days) { days_ = &days; }
  CustomerService(db::Database& db, const util::Clock& clock, const PhoneNormalizer& phones, org::OrgService& org)
      : db_(db), clock_(clock), phones_(phones), org_(org) {}

  /// Throws BadRequest (field named), Conflict "customer.duplicate_phone", or Conflict "customer.duplicate_claim"
  /// after recording a 撞单 claim when another agent already holds the phone or company.
  Customer create(const org::Actor& actor, const CustomerInput& in, const OwnerChange& owner);
  Customer update(const org::Actor& actor, long long id, const CustomerInput& in, const OwnerChange& owner);
  /// NotFound when the customer is outside the actor's scope (its existence is not revealed).
  Customer get(const org::Actor& actor, long long id);

  // Ownership (crm/ownership.cpp). Every change is a "customer.assign" audit row with the owner before and after
  // and how it happened ("via": claim, release, reassign): the customer's ownership history.

  /// 领取: an agent takes a pool customer as their own; its phones unmask. Forbidden for roles that assign
  /// instead; Conflict "customer.already_claimed" when another agent was first. Claiming one's own is a no-op.
  Customer claim(const org::Actor& actor, long long id);
  /// 释放: the owner (or whoever may write to the customer) returns it to the pool, with a reason (1-500
  /// characters).
  Customer release(const org::Actor& actor, long long id, const std::string& reason);
  struct Reassignment {
    std::vector<long long> customer_ids;     ///< these customers…
    std::optional<long long> from_owner_id;  ///< …or every customer this user owns (a leaving agent's)
    std::optional<long long> to_owner_id;    ///< nullopt: to the pool
    std::string reason;
  };
  /// Supervisors and above move customers in bulk, all or none: every customer must be one they may write to.
  /// Returns how many moved. At most kMaxReassign at once.
  long long reassign(const org::Actor& actor, const Reassignment& r);
  static constexpr size_t kMaxReassign = 20000;
  Page<Customer> list(const org::Actor& actor, const CustomerFilter& filter, const std::string& cursor, int limit);
  /// How many customers list() would hand out over all its pages.
  long long count(const org::Actor& actor, const CustomerFilter& filter);

  /// Inside the caller's transaction (a call being logged): the customer's last contact and result, and the
  /// status `next` when the lifecycle allows the move. A status change is audited. Returns the customer as it
  /// was before. Throws NotFound if the customer does not exist.
  Customer record_contact(soci::session& sql, const org::Actor& actor, long long customer_id, long long at,
                          const std::string& call_result, std::optional<CustomerStatus> next);
  /// A customer's contacts from many calls at once (an import), in time order of `moves`.
  struct ContactSummary {
    long long customer_id = 0;
    long long last_at = 0;              ///< the latest call's end
    std::string last_result;            ///< and its result
    std::vector<CustomerStatus> moves;  ///< status each call proposes, oldest first
  };
  /// Inside the caller's transaction: last contact and result where newer, and each customer's status after
  /// its calls' moves as the lifecycle allows them (status_after_moves), audited with `origin`. Set-based, for
  /// hundreds of thousands of customers.
  void record_contacts(soci::session& sql, const org::Actor& actor, const std::vector<ContactSummary>& contacts,
                       const std::string& origin);
  /// Who holds each phone in the store, for matching many numbers at once, each holder marked whether the actor
  /// may write to it.
  PhoneDirectory phone_directory(const org::Actor& actor);
  /// Inside the caller's transaction (a deal being recorded): moves the status to `next` when the lifecycle
  /// allows it, audited with `origin`. Throws NotFound if the customer does not exist.
  void advance_status(soci::session& sql, const org::Actor& actor, long long customer_id, CustomerStatus next,
                      long long at, const std::string& origin);
  /// Inside the caller's transaction (a follow-up being logged): last contact, the next follow-up date and the
  /// callback time the latest follow-up set (none clears it).
  void record_follow_up(soci::session& sql, long long customer_id, long long at, const std::string& next_on,
                        std::optional<long long> callback_at);
  /// The customer unmasked, for a service that dials it (a call being logged); NotFound outside the actor's scope.
  Customer get_for_calling(const org::Actor& actor, long long id);
  /// What the actor may do with this customer (None when it is outside their scope).
  Access access(const org::Actor& actor, const Customer& c);
  /// The customer holding a phone (E.164), if any, unmasked: for services that match numbers.
  std::optional<Customer> find_by_phone(const std::string& e164);

  /// Which of these customers' numbers the actor sees in full (crm::phone_visible_for_owner); ids of customers
  /// that do not exist are left out. For services that hand out numbers of many customers (calls).
  std::unordered_set<long long> phones_visible_among(const org::Actor& actor, std::vector<long long> ids);
  /// Customers' names (company, else contact) by id, for records that name them; the caller has scoped the
  /// records. Ids not found are left out.
  std::unordered_map<long long, std::string> names_of(const std::vector<long long>& ids);
  /// Masks phones the actor may not see. Used for everything the service hands out.
  void present(const org::Actor& actor, Customer& c) const;
  /// Fills the owners' names of many customers with one query.
  void name_owners(std::span<Customer> customers) const;
  /// The owner a write by `actor` may set; throws Forbidden / NotFound / BadRequest.
  std::optional<long long> resolve_owner(const org::Actor& actor, const OwnerChange& owner,
                                         std::optional<long long> current);

 private:
  void move_status(soci::session& sql, const org::Actor& actor, const Customer& current, CustomerStatus next,
                   long long at, const nlohmann::json& why);
  std::optional<long long> owner_team(std::optional<long long> owner_id);
  db::Database& db_;
  const util::Clock& clock_;
  const PhoneNormalizer& phones_;
  org::OrgService& org_;
  const kpi::DayKeeper* days_ = nullptr;
};

}  // namespace waihu::crm
