#pragma once
// SQL for customers, their phones and tags, and duplicate claims. Runs on the caller's session/transaction.
#include <soci/soci.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "crm/access.hpp"
#include "crm/model.hpp"
#include "db/database.hpp"
#include "db/keyset.hpp"
#include "org/rules.hpp"

namespace waihu::crm::store {

/// Which customers a reader may see: as org::ScopeFilter says, plus the public pool.
using Scope = org::ScopeFilter;

/// Inserts and updates customers with statements prepared once: the importer writes millions through one writer.
class CustomerWriter {
 public:
  /// `batched` (bulk writers: imports, the demo): on PostgreSQL rows travel a thousand to a statement
  /// (db::RowInserter's `batched`); flush() before reading customers back.
  CustomerWriter(soci::session& sql, db::Dialect dialect, bool batched = false);
  ~CustomerWriter();
  /// Sets c.id. The phones' unique index makes a duplicate phone throw (callers check first; batched: at a flush).
  void insert(Customer& c);
  /// Sends batched rows.
  void flush();
  /// Rewrites the row, its phones and tags.
  void update(const Customer& c);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::optional<Customer> customer_by_id(soci::session& sql, long long id, db::Lock lock = db::Lock::kNone);
/// A new owner (nullopt: the pool).
void set_owner(soci::session& sql, long long customer_id, std::optional<long long> owner_id, long long now);
/// The ids of the customers `owner_id` owns, ascending.
std::vector<long long> customers_owned_by(soci::session& sql, long long owner_id);
/// The owner of each of these customers (nullopt: the pool); ids not found are left out.
std::unordered_map<long long, std::optional<long long>> owners_of(soci::session& sql,
                                                                  const std::vector<long long>& ids);
/// What a customer is called where records name it: the company, or the contact when there is none. Ids not
/// found are left out.
std::unordered_map<long long, std::string> customer_names(soci::session& sql, const std::vector<long long>& ids);

struct Holder {
  long long customer_id = 0;
  std::optional<long long> owner_id;
};
/// Who holds a phone or a company, with the two queries prepared once: the importer asks for every row.
class HolderLookup {
 public:
  explicit HolderLookup(soci::session& sql);
  ~HolderLookup();
  /// Who holds a phone (E.164), if anyone.
  std::optional<Holder> phone(const std::string& e164);
  /// Customers with this normalised company name that an agent owns (pool customers are not "held").
  std::vector<Holder> company(const std::string& company_norm);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Calls `each` with every phone in the store (E.164) and, separately, every company key of an owned customer.
/// Streams: nothing is held in memory here.
void each_phone(soci::session& sql, const std::function<void(const std::string&)>& each);
void each_owned_company(soci::session& sql, const std::function<void(const std::string&)>& each);

/// How the filter's `q` may match phones (SPEC §1 masking): digits anywhere in the numbers the actor sees in full;
/// a masked number only as a whole, so its hidden digits cannot be found one at a time.
struct PhoneSearch {
  PhoneVisibility visibility = PhoneVisibility::kAll;
  long long user_id = 0;                    ///< kOwnedOnly: the owner whose customers show their numbers
  std::optional<std::string> whole_number;  ///< `q` as an E.164 number, when it is one
};

/// One page in the filter's order, `limit + 1` rows to tell whether there is a next page.
/// `owner_teams` (the expanded team_id filter) limits to customers owned by members of those teams. `q` matches
/// company and contact anywhere (its % and _ literal), and phones as `search` allows.
std::vector<Customer> list_customers(soci::session& sql, const CustomerFilter& f, const Scope& scope,
                                     const std::vector<long long>& owner_teams, const PhoneSearch& search,
                                     const std::optional<db::Cursor>& after, int limit);
/// How many customers the list would hold, all pages together.
long long count_customers(soci::session& sql, const CustomerFilter& f, const Scope& scope,
                          const std::vector<long long>& owner_teams, const PhoneSearch& search);
/// The cursor that continues after `c` in this sort.
db::Cursor cursor_after(const Customer& c, CustomerSort sort);

/// The latest contact of a customer: its time and the call's result, unless a newer contact is recorded.
void record_contact(soci::session& sql, long long customer_id, long long at, const std::string& call_result,
                    long long now);
void set_status(soci::session& sql, long long customer_id, CustomerStatus status, long long now);

/// Many customers' latest contacts at once (an import), through a temporary table that lives until
/// ~ContactBatch: last contact and result where newer, and status moves with their audit rows.
class ContactBatch {
 public:
  struct Contact {
    long long customer_id = 0;
    long long at = 0;
    std::string call_result;
    bool moves_status = false;  ///< the contact proposes a status move (statuses() reads these customers)
  };
  struct Move {
    long long customer_id = 0;
    CustomerStatus from = CustomerStatus::kNew;
    CustomerStatus to = CustomerStatus::kNew;
  };
  ContactBatch(soci::session& sql, db::Dialect dialect, const std::vector<Contact>& contacts);
  ~ContactBatch();
  ContactBatch(const ContactBatch&) = delete;
  ContactBatch& operator=(const ContactBatch&) = delete;
  /// Sets last_contact_at/last_call_result where the contact is newer than the one recorded.
  void record_last_contacts(long long now);
  /// Current status of the customers whose contact moves_status.
  std::vector<std::pair<long long, CustomerStatus>> statuses();
  /// Writes the moves and one audit row each ("customer.status", `detail_json` as detail).
  void move_statuses(const std::vector<Move>& moves, std::optional<long long> actor_id, long long at,
                     const std::string& detail_json, long long now);

 private:
  /// Runs `update` (an UPDATE … FROM `table` <alias> … WHERE … customers.id = <alias>.customer_id, the WHERE
  /// last) once per span of customer ids,
  /// adding " AND <alias>.customer_id BETWEEN lo AND hi". SQLite keeps each statement's undo journal in memory
  /// (temp_store=MEMORY): one UPDATE over 800,000 customers journalled most of the table, 400 MB at the peak.
  void in_spans(const std::string& update, const char* alias, const char* table);
  soci::session& sql_;
  db::Dialect dialect_;
};

/// Every (phone, customer, the customer's owner) in the store; the owner is nullopt for the pool.
void each_phone_holder(soci::session& sql,
                       const std::function<void(const std::string&, long long, std::optional<long long>)>& each);

/// A follow-up with the customer: the last contact when it is newer, the next follow-up date ("" clears it) and
/// the callback time (none clears it).
void record_follow_up(soci::session& sql, long long customer_id, long long at, const std::string& next_on,
                      std::optional<long long> callback_at, long long now);

/// The new claim's id; nullopt when the same customer and claimant already have an open one (unique index).
std::optional<long long> insert_claim(soci::session& sql, const DuplicateClaim& claim,
                                      const std::string& candidate_json, std::optional<long long> created_by);
/// The open claim of this customer by this claimant (nullopt claimant: a pool candidate), if any.
std::optional<long long> open_claim_id(soci::session& sql, long long customer_id, std::optional<long long> claimant_id);

}  // namespace waihu::crm::store
