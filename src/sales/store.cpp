#include "sales/store.hpp"

#include "db/query.hpp"
#include "db/row_inserter.hpp"
#include "org/scope_sql.hpp"

namespace waihu::sales::store {

namespace {
constexpr const char* kDealColumns =
    "id, customer_id, agent_id, field_rep_id, sourcing, product, amount_fen, closed_on, notes, created_at";

Deal deal_from_row(const db::Row& r) {
  Deal d;
  d.id = r.i64(0);
  d.customer_id = r.i64(1);
  d.agent_id = r.i64(2);
  d.field_rep_id = r.opt_i64(3);
  d.sourcing = parse_sourcing(r.str(4)).value_or(Sourcing::kSelf);
  d.product = r.str(5);
  d.amount_fen = r.i64(6);
  d.closed_on = r.str(7);
  d.notes = r.str(8);
  d.created_at = r.i64(9);
  return d;
}
}  // namespace

namespace {
// One insert for typed-in and imported deals: imported ones carry a key and skip when it is stored.
bool write_deal(soci::session& sql, db::Dialect dialect, Deal& d, const std::string* key,
                std::optional<long long> created_by) {
  db::RowInserter r(sql, dialect, "deals",
                    {"customer_id", "agent_id", "field_rep_id", "sourcing", "product", "amount_fen", "closed_on",
                     "notes", "external_id", "created_by", "created_at"},
                    {.skip_on_conflict = key != nullptr});
  r.integer(d.customer_id).integer(d.agent_id);
  d.field_rep_id ? r.integer(*d.field_rep_id) : r.null();
  r.text(sourcing_name(d.sourcing)).text(d.product).integer(d.amount_fen).text(d.closed_on).text(d.notes);
  key ? r.text(*key) : r.null();
  created_by ? r.integer(*created_by) : r.null();
  r.integer(d.created_at);
  d.id = r.insert();
  if (r.last_inserted()) return true;
  db::Query q("SELECT id FROM deals WHERE external_id = ");
  q << q.bind(*key);
  d.id = q.scalar(sql).value_or(0);
  return false;
}

bool write_payment(soci::session& sql, db::Dialect dialect, Payment& p, const std::string* key,
                   std::optional<long long> created_by) {
  db::RowInserter r(sql, dialect, "deal_payments",
                    {"deal_id", "kind", "amount_fen", "on_date", "reason", "external_id", "created_by", "created_at"},
                    {.skip_on_conflict = key != nullptr});
  r.integer(p.deal_id).text(payment_kind_name(p.kind)).integer(p.amount_fen).text(p.on_date).text(p.reason);
  key ? r.text(*key) : r.null();
  created_by ? r.integer(*created_by) : r.null();
  r.integer(p.created_at);
  p.id = r.insert();
  return r.last_inserted();
}
}  // namespace

void insert_deal(soci::session& sql, db::Dialect dialect, Deal& d, std::optional<long long> created_by) {
  write_deal(sql, dialect, d, nullptr, created_by);
}

bool insert_keyed_deal(soci::session& sql, db::Dialect dialect, Deal& d, const std::string& key,
                       std::optional<long long> created_by) {
  return write_deal(sql, dialect, d, &key, created_by);
}

bool has_payment_key(soci::session& sql, const std::string& key) {
  db::Query q("SELECT id FROM deal_payments WHERE external_id = ");
  q << q.bind(key);
  return q.scalar(sql).has_value();
}

void set_deal_amount(soci::session& sql, long long id, long long amount_fen) {
  db::Query q("UPDATE deals SET amount_fen = ");
  q << q.bind(amount_fen) << " WHERE id = " << q.bind(id);
  q.exec(sql);
}

std::optional<Deal> deal_by_id(soci::session& sql, long long id, db::Lock lock) {
  db::Query q(std::string("SELECT ") + kDealColumns + " FROM deals WHERE id = ");
  q << q.bind(id) << db::lock_clause(sql, lock);
  auto r = q.fetch_one(sql, 10);
  if (!r) return std::nullopt;
  return deal_from_row(*r);
}

std::vector<Deal> list_deals(soci::session& sql, const DealFilter& f, const Scope& scope,
                             const std::optional<db::Cursor>& after, int limit) {
  db::Query q(std::string("SELECT ") + kDealColumns + " FROM deals WHERE 1=1");
  q << org::scope_sql(q, scope, {.user = "agent_id", .also_own = "field_rep_id"});
  if (f.customer_id) q << " AND customer_id = " << q.bind(*f.customer_id);
  if (f.agent_id) q << " AND agent_id = " << q.bind(*f.agent_id);
  if (f.from) q << " AND closed_on >= " << q.bind(*f.from);
  if (f.to) q << " AND closed_on <= " << q.bind(*f.to);
  db::KeysetSort sort{"", "id", true, true};
  if (after) q << " AND " << db::keyset_after(q, sort, *after);
  q << " ORDER BY " << db::keyset_order(sort) << " LIMIT " << std::to_string(limit + 1);
  std::vector<Deal> out;
  for (const auto& r : q.fetch(sql, 10)) out.push_back(deal_from_row(r));
  return out;
}

void insert_payment(soci::session& sql, db::Dialect dialect, Payment& p, std::optional<long long> created_by) {
  write_payment(sql, dialect, p, nullptr, created_by);
}

bool insert_keyed_payment(soci::session& sql, db::Dialect dialect, Payment& p, const std::string& key,
                          std::optional<long long> created_by) {
  return write_payment(sql, dialect, p, &key, created_by);
}

namespace {
constexpr const char* kPaymentSelect =
    "SELECT id, deal_id, kind, amount_fen, on_date, reason, created_at FROM deal_payments";
Payment payment_from_row(const db::Row& r) {
  return {r.i64(0), r.i64(1), r.str(2) == "refund" ? PaymentKind::kRefund : PaymentKind::kPayment, r.i64(3), r.str(4),
          r.str(5), r.i64(6)};
}
}  // namespace

std::vector<Payment> payments_of(soci::session& sql, long long deal_id) {
  db::Query q(std::string(kPaymentSelect) + " WHERE deal_id = ");
  q << q.bind(deal_id) << " ORDER BY id";
  std::vector<Payment> out;
  for (const auto& r : q.fetch(sql, 7)) out.push_back(payment_from_row(r));
  return out;
}

std::optional<Payment> payment_by_id(soci::session& sql, long long id) {
  db::Query q(std::string(kPaymentSelect) + " WHERE id = ");
  q << q.bind(id);
  auto r = q.fetch_one(sql, 7);
  if (!r) return std::nullopt;
  return payment_from_row(*r);
}

}  // namespace waihu::sales::store
