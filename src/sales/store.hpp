#pragma once
// SQL for deals and their payments. Runs on the caller's session/transaction.
#include <soci/soci.h>

#include <optional>
#include <vector>

#include "db/database.hpp"
#include "db/keyset.hpp"
#include "org/rules.hpp"
#include "sales/model.hpp"

namespace waihu::sales::store {

/// Whose deals a reader may see: by closing agent, and a field rep also those they visited for.
using Scope = org::ScopeFilter;

void insert_deal(soci::session& sql, db::Dialect dialect, Deal& d, std::optional<long long> created_by);
/// An imported deal under its key; sets d.id. False (and d.id the stored deal's) when the key is already stored.
bool insert_keyed_deal(soci::session& sql, db::Dialect dialect, Deal& d, const std::string& key,
                       std::optional<long long> created_by);
/// Whether an imported payment with this key is already stored.
bool has_payment_key(soci::session& sql, const std::string& key);
/// A corrected amount (the service audits it).
void set_deal_amount(soci::session& sql, long long id, long long amount_fen);
std::optional<Deal> deal_by_id(soci::session& sql, long long id, db::Lock lock = db::Lock::kNone);
/// Newest first by id; `limit + 1` rows.
std::vector<Deal> list_deals(soci::session& sql, const DealFilter& f, const Scope& scope,
                             const std::optional<db::Cursor>& after, int limit);
void insert_payment(soci::session& sql, db::Dialect dialect, Payment& p, std::optional<long long> created_by);
/// An imported payment under its key; false when the key is already stored.
bool insert_keyed_payment(soci::session& sql, db::Dialect dialect, Payment& p, const std::string& key,
                          std::optional<long long> created_by);
/// Oldest first.
std::vector<Payment> payments_of(soci::session& sql, long long deal_id);
std::optional<Payment> payment_by_id(soci::session& sql, long long id);

}  // namespace waihu::sales::store
