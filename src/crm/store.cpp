#include "crm/store.hpp"

#include <algorithm>
#include <map>

#include "crm/customer_input.hpp"
#include "db/query.hpp"
#include "db/row_inserter.hpp"
#include "org/scope_sql.hpp"
#include "util/strings.hpp"

namespace waihu::crm::store {

namespace {
constexpr const char* kCustomerColumns =
    "c.id, c.company, c.company_norm, c.contact_name, c.title, c.fax, c.industry, c.region, c.size, c.headcount, "
    "c.it_status, c.source, c.needs, c.grade, c.status, c.owner_id, c.notes, c.created_by, c.created_at, "
    "c.updated_at, c.last_contact_at, c.last_call_result, c.next_follow_up_on, c.callback_at";
constexpr size_t kCustomerColumnCount = 24;

Customer customer_from_row(const db::Row& r) {
  Customer c;
  c.id = r.i64(0);
  c.company = r.str(1);
  c.company_norm = r.str(2);
  c.contact_name = r.str(3);
  c.title = r.str(4);
  c.fax = r.str(5);
  c.industry = r.str(6);
  c.region = r.str(7);
  c.size = r.str(8);
  c.headcount = r.opt_i64(9);
  c.it_status = r.str(10);
  c.source = r.str(11);
  c.needs = r.str(12);
  c.grade = r.opt_str(13).value_or("");
  c.status = parse_status(r.str(14)).value_or(CustomerStatus::kNew);
  c.owner_id = r.opt_i64(15);
  c.notes = r.str(16);
  c.created_by = r.opt_i64(17);
  c.created_at = r.i64(18);
  c.updated_at = r.i64(19);
  c.last_contact_at = r.opt_i64(20);
  c.last_call_result = r.str(21);
  c.next_follow_up_on = r.opt_str(22).value_or("");
  c.callback_at = r.opt_i64(23);
  return c;
}

PhoneKind parse_kind(const std::string& s) {
  return s == "mobile" ? PhoneKind::kMobile : s == "fixed" ? PhoneKind::kFixed : PhoneKind::kOther;
}

// Fills phones and tags of a page of customers with two queries.
void load_children(soci::session& sql, std::vector<Customer>& customers) {
  if (customers.empty()) return;
  std::map<long long, Customer*> by_id;
  std::vector<long long> ids;
  for (auto& c : customers) {
    by_id[c.id] = &c;
    ids.push_back(c.id);
  }
  db::Query phones;
  phones << "SELECT customer_id, e164, kind, province, city FROM customer_phones WHERE customer_id IN ("
         << phones.bind_list(ids) << ") ORDER BY customer_id, position";
  for (const auto& r : phones.fetch(sql, 5)) {
    by_id[r.i64(0)]->phones.push_back({r.str(1), parse_kind(r.str(2)), r.str(3), r.str(4)});
  }
  db::Query tags;
  tags << "SELECT customer_id, tag FROM customer_tags WHERE customer_id IN (" << tags.bind_list(ids)
       << ") ORDER BY customer_id, tag";
  for (const auto& r : tags.fetch(sql, 2)) by_id[r.i64(0)]->tags.push_back(r.str(1));
}

db::KeysetSort keyset_for(CustomerSort s) {
  switch (s) {
    case CustomerSort::kNewest:
      return {"", "c.id", true, true};
    case CustomerSort::kOldest:
      return {"", "c.id", false, true};
    case CustomerSort::kUpdatedDesc:
      return {"c.updated_at", "c.id", true, true};
    case CustomerSort::kUpdatedAsc:
      return {"c.updated_at", "c.id", false, true};
    case CustomerSort::kCompanyAsc:
      return {"c.company_norm", "c.id", false, false};
    case CustomerSort::kCompanyDesc:
      return {"c.company_norm", "c.id", true, false};
    case CustomerSort::kFollowUpDue:
      return {"c.next_follow_up_on", "c.id", false, false};
    case CustomerSort::kCallbackDue:
      return {"c.callback_at", "c.id", false, true};
  }
  return {"", "c.id", true, true};
}
}  // namespace

struct CustomerWriter::Impl {
  Impl(soci::session& s, db::Dialect dialect, bool batched)
      : sql(s),
        customers(s, dialect, "customers",
                  {"company",     "company_norm", "contact_name", "title",      "fax",          "industry",
                   "region",      "size",         "headcount",    "it_status",  "source",       "needs",
                   "grade",       "status",       "owner_id",     "notes",      "province",     "city",
                   "search_text", "created_by",   "created_at",   "updated_at", "created_grade"},
                  {.batched = batched}),
        phones(s, dialect, "customer_phones", {"customer_id", "e164", "kind", "province", "city", "position"},
               {.returns_id = false, .batched = batched}),
        tags(s, dialect, "customer_tags", {"customer_id", "tag"}, {.returns_id = false, .batched = batched}) {}
  soci::session& sql;
  db::RowInserter customers, phones, tags;
  // Bound by reference into the SOCI statements of the update path.
  std::string company, company_norm, contact_name, title, fax, industry, region, size, it_status, source, needs, grade,
      status, notes, province, city, search_text;
  long long headcount = 0, owner_id = 0, updated_at = 0, id = 0;
  soci::indicator headcount_ind = soci::i_null, grade_ind = soci::i_null, owner_ind = soci::i_null;
  long long child_customer = 0;
  std::unique_ptr<soci::statement> update_row, delete_phones, delete_tags;

  void bind_for_update(const Customer& c) {
    company = c.company, company_norm = c.company_norm, contact_name = c.contact_name, title = c.title;
    fax = c.fax, industry = c.industry, region = c.region, size = c.size, it_status = c.it_status;
    source = c.source, needs = c.needs, notes = c.notes, status = std::string(status_name(c.status));
    grade = c.grade;
    grade_ind = c.grade.empty() ? soci::i_null : soci::i_ok;
    headcount = c.headcount.value_or(0);
    headcount_ind = c.headcount ? soci::i_ok : soci::i_null;
    owner_id = c.owner_id.value_or(0);
    owner_ind = c.owner_id ? soci::i_ok : soci::i_null;
    updated_at = c.updated_at;
    province = c.phones.empty() ? "" : c.phones.front().province;
    city = c.phones.empty() ? "" : c.phones.front().city;
    search_text = customer_search_text(c);
    id = c.id;
  }

  // Customers go out before their phones and tags (foreign keys): when any batch is full, all are sent, parents
  // first, before it takes another row.
  void flush() {
    customers.flush();
    phones.flush();
    tags.flush();
  }
  void make_room(const db::RowInserter& r) {
    if (r.full()) flush();
  }

  void write_children(const Customer& c) {
    long long position = 0;
    for (const auto& p : c.phones) {
      make_room(phones);
      phones.integer(c.id).text(p.e164).text(phone_kind_name(p.kind)).text(p.province).text(p.city).integer(position++);
      phones.insert();
    }
    for (const auto& t : c.tags) {
      make_room(tags);
      tags.integer(c.id).text(t);
      tags.insert();
    }
  }
};

CustomerWriter::CustomerWriter(soci::session& sql, db::Dialect dialect, bool batched)
    : impl_(std::make_unique<Impl>(sql, dialect, batched)) {
  Impl& m = *impl_;
  using soci::use;
  m.update_row = std::make_unique<soci::statement>(
      (sql.prepare << "UPDATE customers SET company = :company, company_norm = :company_norm, contact_name = :contact, "
                      "title = :title, fax = :fax, industry = :industry, region = :region, size = :size, "
                      "headcount = :headcount, it_status = :it_status, source = :source, needs = :needs, "
                      "grade = :grade, status = :status, owner_id = :owner, notes = :notes, province = :province, "
                      "city = :city, search_text = :search, updated_at = :updated_at WHERE id = :id",
       use(m.company, "company"), use(m.company_norm, "company_norm"), use(m.contact_name, "contact"),
       use(m.title, "title"), use(m.fax, "fax"), use(m.industry, "industry"), use(m.region, "region"),
       use(m.size, "size"), use(m.headcount, m.headcount_ind, "headcount"), use(m.it_status, "it_status"),
       use(m.source, "source"), use(m.needs, "needs"), use(m.grade, m.grade_ind, "grade"), use(m.status, "status"),
       use(m.owner_id, m.owner_ind, "owner"), use(m.notes, "notes"), use(m.province, "province"), use(m.city, "city"),
       use(m.search_text, "search"), use(m.updated_at, "updated_at"), use(m.id, "id")));
  m.delete_phones = std::make_unique<soci::statement>(
      (sql.prepare << "DELETE FROM customer_phones WHERE customer_id = :cid", use(m.child_customer, "cid")));
  m.delete_tags = std::make_unique<soci::statement>(
      (sql.prepare << "DELETE FROM customer_tags WHERE customer_id = :cid", use(m.child_customer, "cid")));
}

CustomerWriter::~CustomerWriter() {
  // Parents first, which the members' own destructors (in reverse order) would not do. A failure here leaves the
  // transaction aborted, and Database refuses to commit it.
  if (std::uncaught_exceptions() > 0) return;
  try {
    impl_->flush();
  } catch (...) {
  }
}

void CustomerWriter::insert(Customer& c) {
  auto& r = impl_->customers;
  impl_->make_room(r);
  const std::string search = customer_search_text(c);
  // Views into c (not a ternary with "", which would make a temporary string the view outlives).
  std::string_view province, city;
  if (!c.phones.empty()) province = c.phones.front().province, city = c.phones.front().city;
  const std::string_view status = status_name(c.status);
  r.text(c.company).text(c.company_norm).text(c.contact_name).text(c.title).text(c.fax).text(c.industry);
  r.text(c.region).text(c.size);
  c.headcount ? r.integer(*c.headcount) : r.null();
  r.text(c.it_status).text(c.source).text(c.needs);
  c.grade.empty() ? r.null() : r.text(c.grade);
  r.text(status);
  c.owner_id ? r.integer(*c.owner_id) : r.null();
  r.text(c.notes).text(province).text(city).text(search);
  c.created_by ? r.integer(*c.created_by) : r.null();
  r.integer(c.created_at).integer(c.updated_at);
  r.text(c.grade);  // created_grade: the new-customer metrics count the grade a customer was created with
  c.id = r.insert();
  impl_->write_children(c);
}

void CustomerWriter::flush() { impl_->flush(); }

void CustomerWriter::update(const Customer& c) {
  impl_->flush();
  impl_->bind_for_update(c);
  impl_->update_row->execute(true);
  impl_->child_customer = c.id;
  impl_->delete_phones->execute(true);
  impl_->delete_tags->execute(true);
  impl_->write_children(c);
}

std::optional<Customer> customer_by_id(soci::session& sql, long long id, db::Lock lock) {
  db::Query q;
  q << "SELECT " << kCustomerColumns << " FROM customers c WHERE c.id = " << q.bind(id) << db::lock_clause(sql, lock);
  auto r = q.fetch_one(sql, kCustomerColumnCount);
  if (!r) return std::nullopt;
  std::vector<Customer> one{customer_from_row(*r)};
  load_children(sql, one);
  return std::move(one.front());
}

struct HolderLookup::Impl {
  soci::session& sql;
  std::string key;
  long long customer_id = 0, owner_id = 0;
  soci::indicator owner_ind = soci::i_null;
  // Prepared at their first use (a single lookup needs only one) and reused for every later one.
  std::unique_ptr<soci::statement> by_phone, by_company;
  soci::statement& prepared(std::unique_ptr<soci::statement>& st, const char* text) {
    if (!st) {
      st = std::make_unique<soci::statement>(
          (sql.prepare << text, soci::use(key, "key"), soci::into(customer_id), soci::into(owner_id, owner_ind)));
    }
    return *st;
  }
};

HolderLookup::HolderLookup(soci::session& sql) : impl_(std::make_unique<Impl>(Impl{sql})) {}

HolderLookup::~HolderLookup() = default;

std::optional<Holder> HolderLookup::phone(const std::string& e164) {
  impl_->key = e164;
  auto& st = impl_->prepared(impl_->by_phone,
                             "SELECT c.id, c.owner_id FROM customer_phones p JOIN customers c ON c.id = p.customer_id "
                             "WHERE p.e164 = :key");
  if (!st.execute(true)) return std::nullopt;
  return Holder{impl_->customer_id,
                impl_->owner_ind == soci::i_ok ? std::optional<long long>(impl_->owner_id) : std::nullopt};
}

std::vector<Holder> HolderLookup::company(const std::string& company_norm) {
  std::vector<Holder> out;
  if (company_norm.empty()) return out;
  impl_->key = company_norm;
  auto& st = impl_->prepared(impl_->by_company,
                             "SELECT id, owner_id FROM customers WHERE company_norm = :key AND owner_id IS NOT NULL "
                             "ORDER BY id LIMIT 20");
  if (!st.execute(true)) return out;
  do {
    out.push_back({impl_->customer_id, impl_->owner_id});
  } while (st.fetch());
  return out;
}

void each_phone(soci::session& sql, const std::function<void(const std::string&)>& each) {
  std::string e164;
  soci::statement st = (sql.prepare << "SELECT e164 FROM customer_phones", soci::into(e164));
  st.execute();
  while (st.fetch()) each(e164);
}

void each_owned_company(soci::session& sql, const std::function<void(const std::string&)>& each) {
  std::string key;
  soci::statement st =
      (sql.prepare << "SELECT company_norm FROM customers WHERE owner_id IS NOT NULL AND company_norm <> ''",
       soci::into(key));
  st.execute();
  while (st.fetch()) each(key);
}

void set_owner(soci::session& sql, long long customer_id, std::optional<long long> owner_id, long long now) {
  db::Query q;
  q << "UPDATE customers SET owner_id = " << (owner_id ? q.bind(*owner_id) : "NULL") << ", updated_at = " << q.bind(now)
    << " WHERE id = " << q.bind(customer_id);
  q.exec(sql);
}

std::vector<long long> customers_owned_by(soci::session& sql, long long owner_id) {
  db::Query q;
  q << "SELECT id FROM customers WHERE owner_id = " << q.bind(owner_id) << " ORDER BY id";
  std::vector<long long> out;
  for (const auto& r : q.fetch(sql, 1)) out.push_back(r.i64(0));
  return out;
}

std::unordered_map<long long, std::optional<long long>> owners_of(soci::session& sql,
                                                                  const std::vector<long long>& ids) {
  std::unordered_map<long long, std::optional<long long>> out;
  if (ids.empty()) return out;
  db::Query q;
  q << "SELECT id, owner_id FROM customers WHERE id IN (" << q.bind_list(ids) << ")";
  for (const auto& r : q.fetch(sql, 2)) {
    out.emplace(r.i64(0), r.is_null(1) ? std::nullopt : std::optional<long long>(r.i64(1)));
  }
  return out;
}

std::unordered_map<long long, std::string> customer_names(soci::session& sql, const std::vector<long long>& ids) {
  std::unordered_map<long long, std::string> out;
  if (ids.empty()) return out;
  db::Query q;
  q << "SELECT id, company, contact_name FROM customers WHERE id IN (" << q.bind_list(ids) << ")";
  for (const auto& r : q.fetch(sql, 3)) out.emplace(r.i64(0), r.str(1).empty() ? r.str(2) : r.str(1));
  return out;
}

namespace {
// `q` over the customers: everything (names and phone digits) where the numbers are visible, names and whole
// numbers where they are masked.
void add_text_search(db::Query& q, const std::string& text, const PhoneSearch& search) {
  const std::string pattern = util::like_pattern(util::to_lower_ascii(text));
  auto anywhere = [&] { return "c.search_text LIKE " + q.bind(pattern) + " ESCAPE '\\'"; };
  auto masked = [&] {
    std::string names = "lower(c.company) LIKE lower(" + q.bind(pattern) + ") ESCAPE '\\' OR lower(c.contact_name) " +
                        "LIKE lower(" + q.bind(pattern) + ") ESCAPE '\\'";
    if (search.whole_number) {
      names +=
          " OR c.id IN (SELECT customer_id FROM customer_phones WHERE e164 = " + q.bind(*search.whole_number) + ")";
    }
    return "(" + names + ")";
  };
  switch (search.visibility) {
    case PhoneVisibility::kAll:
      q << " AND " << anywhere();
      break;
    case PhoneVisibility::kNone:
      q << " AND " << masked();
      break;
    case PhoneVisibility::kOwnedOnly: {
      std::string mine = q.bind(search.user_id);
      std::string mine_again = q.bind(search.user_id);
      q << " AND ((c.owner_id = " << mine << " AND " << anywhere() << ") OR ((c.owner_id IS NULL OR c.owner_id <> "
        << mine_again << ") AND " << masked() << "))";
      break;
    }
  }
}
}  // namespace

namespace {
// " AND …" for the customers the filter and scope select, shared by the list and its count.
void where_customers(db::Query& q, const CustomerFilter& f, const Scope& scope,
                     const std::vector<long long>& owner_teams, const PhoneSearch& search) {
  q << org::scope_sql(q, scope, {.user = "c.owner_id", .unowned_visible = true});
  if (f.grade) {
    if (f.grade->empty()) {
      q << " AND c.grade IS NULL";
    } else {
      q << " AND c.grade = " << q.bind(*f.grade);
    }
  }
  if (f.status) q << " AND c.status = " << q.bind(std::string(status_name(*f.status)));
  if (f.owner_id) q << " AND c.owner_id = " << q.bind(*f.owner_id);
  if (f.pool) q << (*f.pool ? " AND c.owner_id IS NULL" : " AND c.owner_id IS NOT NULL");
  if (!owner_teams.empty()) {
    q << " AND c.owner_id IN (SELECT id FROM users WHERE team_id IN (" << q.bind_list(owner_teams) << "))";
  }
  if (f.region) q << " AND c.region = " << q.bind(*f.region);
  if (f.province) q << " AND c.province = " << q.bind(*f.province);
  if (f.industry) q << " AND c.industry = " << q.bind(*f.industry);
  if (f.source) q << " AND c.source = " << q.bind(*f.source);
  if (f.due_by) q << " AND c.next_follow_up_on <= " << q.bind(*f.due_by);
  if (f.callback_before) q << " AND c.callback_at < " << q.bind(*f.callback_before);
  if (f.open_only) q << " AND c.status NOT IN ('won', 'lost', 'invalid')";
  // A keyset over a column with NULLs would lose rows: these sorts list only customers that have the value.
  if (f.sort == CustomerSort::kFollowUpDue) q << " AND c.next_follow_up_on IS NOT NULL";
  if (f.sort == CustomerSort::kCallbackDue) q << " AND c.callback_at IS NOT NULL";
  if (f.tag) q << " AND c.id IN (SELECT customer_id FROM customer_tags WHERE tag = " << q.bind(*f.tag) << ")";
  if (!f.q.empty()) add_text_search(q, f.q, search);
}
}  // namespace

std::vector<Customer> list_customers(soci::session& sql, const CustomerFilter& f, const Scope& scope,
                                     const std::vector<long long>& owner_teams, const PhoneSearch& search,
                                     const std::optional<db::Cursor>& after, int limit) {
  db::Query q;
  q << "SELECT " << kCustomerColumns << " FROM customers c WHERE 1=1";
  where_customers(q, f, scope, owner_teams, search);
  auto sort = keyset_for(f.sort);
  if (after) q << " AND " << db::keyset_after(q, sort, *after);
  q << " ORDER BY " << db::keyset_order(sort) << " LIMIT " << std::to_string(limit + 1);
  std::vector<Customer> out;
  for (const auto& r : q.fetch(sql, kCustomerColumnCount)) out.push_back(customer_from_row(r));
  load_children(sql, out);
  return out;
}

long long count_customers(soci::session& sql, const CustomerFilter& f, const Scope& scope,
                          const std::vector<long long>& owner_teams, const PhoneSearch& search) {
  db::Query q("SELECT COUNT(*) FROM customers c WHERE 1=1");
  where_customers(q, f, scope, owner_teams, search);
  return q.scalar(sql).value_or(0);
}

db::Cursor cursor_after(const Customer& c, CustomerSort sort) {
  switch (sort) {
    case CustomerSort::kUpdatedDesc:
    case CustomerSort::kUpdatedAsc:
      return {std::to_string(c.updated_at), c.id};
    case CustomerSort::kCompanyAsc:
    case CustomerSort::kCompanyDesc:
      return {c.company_norm, c.id};
    case CustomerSort::kFollowUpDue:
      return {c.next_follow_up_on, c.id};
    case CustomerSort::kCallbackDue:
      return {std::to_string(c.callback_at.value_or(0)), c.id};
    default:
      return {"", c.id};
  }
}

void record_contact(soci::session& sql, long long customer_id, long long at, const std::string& call_result,
                    long long now) {
  // A call logged late (back-filled) does not replace a newer contact.
  db::Query q;
  q << "UPDATE customers SET last_contact_at = " << q.bind(at) << ", last_call_result = " << q.bind(call_result)
    << ", updated_at = " << q.bind(now) << " WHERE id = " << q.bind(customer_id)
    << " AND (last_contact_at IS NULL OR last_contact_at <= " << q.bind(at) << ")";
  q.exec(sql);
}

void set_status(soci::session& sql, long long customer_id, CustomerStatus status, long long now) {
  db::Query q;
  q << "UPDATE customers SET status = " << q.bind(std::string(status_name(status))) << ", updated_at = " << q.bind(now)
    << " WHERE id = " << q.bind(customer_id);
  q.exec(sql);
}

void record_follow_up(soci::session& sql, long long customer_id, long long at, const std::string& next_on,
                      std::optional<long long> callback_at, long long now) {
  db::Query q;
  q << "UPDATE customers SET next_follow_up_on = " << (next_on.empty() ? "NULL" : q.bind(next_on))
    << ", callback_at = " << (callback_at ? q.bind(*callback_at) : "NULL") << ", updated_at = " << q.bind(now)
    << ", last_contact_at = CASE WHEN last_contact_at IS NULL OR last_contact_at < " << q.bind(at) << " THEN "
    << q.bind(at) << " ELSE last_contact_at END WHERE id = " << q.bind(customer_id);
  q.exec(sql);
}

std::optional<long long> insert_claim(soci::session& sql, const DuplicateClaim& d, const std::string& candidate_json,
                                      std::optional<long long> created_by) {
  db::Query q;
  q << "INSERT INTO duplicate_claims (customer_id, holder_id, claimant_id, reason, matched, candidate_json, origin, "
       "status, created_by, created_at) VALUES ("
    << q.bind(d.customer_id) << ", " << (d.holder_id ? q.bind(*d.holder_id) : "NULL") << ", "
    << (d.claimant_id ? q.bind(*d.claimant_id) : "NULL") << ", " << q.bind(d.reason) << ", " << q.bind(d.matched)
    << ", " << q.bind(candidate_json) << ", " << q.bind(d.origin) << ", " << q.bind(std::string("open")) << ", "
    << (created_by ? q.bind(*created_by) : "NULL") << ", " << q.bind(d.created_at)
    << ") ON CONFLICT DO NOTHING RETURNING id";
  return q.scalar(sql);
}

std::optional<long long> open_claim_id(soci::session& sql, long long customer_id,
                                       std::optional<long long> claimant_id) {
  db::Query q;
  q << "SELECT id FROM duplicate_claims WHERE status = 'open' AND customer_id = " << q.bind(customer_id)
    << " AND COALESCE(claimant_id, 0) = " << q.bind(claimant_id.value_or(0));
  return q.scalar(sql);
}

}  // namespace waihu::crm::store

namespace waihu::crm::store {

ContactBatch::ContactBatch(soci::session& sql, db::Dialect dialect, const std::vector<Contact>& contacts)
    : sql_(sql), dialect_(dialect) {
  sql_ << "CREATE TEMPORARY TABLE contact_batch (customer_id BIGINT PRIMARY KEY, at BIGINT NOT NULL, "
          "call_result TEXT NOT NULL, moves_status BIGINT NOT NULL)";
  db::RowInserter rows(sql_, dialect_, "contact_batch", {"customer_id", "at", "call_result", "moves_status"},
                       {.returns_id = false, .batched = true});
  for (const auto& c : contacts) {
    rows.integer(c.customer_id).integer(c.at).text(c.call_result).integer(c.moves_status ? 1 : 0);
    rows.insert();
  }
  rows.flush();
}

ContactBatch::~ContactBatch() {
  try {
    sql_ << "DROP TABLE IF EXISTS status_moves";
    sql_ << "DROP TABLE contact_batch";
  } catch (...) {
    // The transaction is being rolled back, and the temporary tables with it.
  }
}

namespace {
// Customer ids per statement of a span-wise update: a few thousand table pages journalled at a time.
constexpr long long kIdsPerSpan = 50000;
}  // namespace

void ContactBatch::in_spans(const std::string& update, const char* alias, const char* table) {
  auto bounds = db::Query(std::string("SELECT MIN(customer_id), MAX(customer_id) FROM ") + table).fetch_one(sql_, 2);
  if (!bounds || bounds->is_null(0)) return;
  for (long long lo = bounds->i64(0), hi = bounds->i64(1); lo <= hi; lo += kIdsPerSpan) {
    db::Query q(update);
    q << " AND " << alias << ".customer_id BETWEEN " << q.bind(lo) << " AND " << q.bind(lo + kIdsPerSpan - 1);
    q.exec(sql_);
  }
}

void ContactBatch::record_last_contacts(long long now) {
  in_spans("UPDATE customers SET last_contact_at = b.at, last_call_result = b.call_result, updated_at = " +
               std::to_string(now) +
               " FROM contact_batch b WHERE (customers.last_contact_at IS NULL OR customers.last_contact_at <= b.at)"
               " AND customers.id = b.customer_id",
           "b", "contact_batch");
}

std::vector<std::pair<long long, CustomerStatus>> ContactBatch::statuses() {
  db::Query q;
  q << "SELECT c.id, c.status FROM customers c JOIN contact_batch b ON b.customer_id = c.id WHERE b.moves_status = 1";
  std::vector<std::pair<long long, CustomerStatus>> out;
  for (const auto& r : q.fetch(sql_, 2)) {
    out.emplace_back(r.i64(0), parse_status(r.str(1)).value_or(CustomerStatus::kNew));
  }
  return out;
}

void ContactBatch::move_statuses(const std::vector<Move>& moves, std::optional<long long> actor_id, long long at,
                                 const std::string& detail_json, long long now) {
  if (moves.empty()) return;
  sql_ << "CREATE TEMPORARY TABLE status_moves (customer_id BIGINT PRIMARY KEY, from_status TEXT NOT NULL, "
          "to_status TEXT NOT NULL)";
  db::RowInserter rows(sql_, dialect_, "status_moves", {"customer_id", "from_status", "to_status"},
                       {.returns_id = false, .batched = true});
  for (const auto& m : moves) {
    rows.integer(m.customer_id).text(status_name(m.from)).text(status_name(m.to));
    rows.insert();
  }
  rows.flush();
  db::Query audit;
  audit << "INSERT INTO audit_log (at, actor_id, action, entity, entity_id, before_json, after_json, detail_json) "
           "SELECT "
        << std::to_string(at) << ", " << (actor_id ? std::to_string(*actor_id) : "NULL")
        << ", 'customer.status', 'customer', customer_id, '{\"status\":\"' || from_status || '\"}', "
           "'{\"status\":\"' || to_status || '\"}', "
        << audit.bind(detail_json) << " FROM status_moves ORDER BY customer_id";
  audit.exec(sql_);
  in_spans("UPDATE customers SET status = m.to_status, updated_at = " + std::to_string(now) +
               " FROM status_moves m WHERE customers.id = m.customer_id",
           "m", "status_moves");
}

void each_phone_holder(soci::session& sql,
                       const std::function<void(const std::string&, long long, std::optional<long long>)>& each) {
  std::string e164;
  long long customer_id = 0;
  long long owner_id = 0;
  soci::indicator owner_ind = soci::i_ok;
  soci::statement st = (sql.prepare << "SELECT p.e164, p.customer_id, c.owner_id FROM customer_phones p "
                                       "JOIN customers c ON c.id = p.customer_id",
                        soci::into(e164), soci::into(customer_id), soci::into(owner_id, owner_ind));
  st.execute();
  while (st.fetch()) {
    each(e164, customer_id, owner_ind == soci::i_null ? std::nullopt : std::optional<long long>(owner_id));
  }
}

}  // namespace waihu::crm::store
