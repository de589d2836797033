#include "crm/store.hpp"

#include <algorithm>
#include <map>

#include "crm/customer_input.hpp"
#include "db/query.hpp"

namespace waihu::crm::store {

namespace {
constexpr const char* kCustomerColumns =
    "c.id, c.company, c.company_norm, c.contact_name, c.title, c.fax, c.industry, c.region, c.size, c.headcount, "
    "c.it_status, c.source, c.needs, c.grade, c.status, c.owner_id, c.notes, c.created_by, c.created_at, "
    "c.updated_at";
constexpr size_t kCustomerColumnCount = 20;

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
      return {"c.company", "c.id", false, false};
    case CustomerSort::kCompanyDesc:
      return {"c.company", "c.id", true, false};
  }
  return {"", "c.id", true, true};
}
}  // namespace

struct CustomerWriter::Impl {
  explicit Impl(soci::session& s) : sql(s) {}
  soci::session& sql;
  std::string company, company_norm, contact_name, title, fax, industry, region, size, it_status, source, needs,
      grade, status, notes, province, city, search_text;
  long long headcount = 0, owner_id = 0, created_by = 0, created_at = 0, updated_at = 0, id = 0;
  soci::indicator headcount_ind = soci::i_null, grade_ind = soci::i_null, owner_ind = soci::i_null,
                  created_by_ind = soci::i_null;
  std::string phone_e164, phone_kind, phone_province, phone_city, tag;
  long long child_customer = 0, phone_position = 0;
  std::unique_ptr<soci::statement> insert_row, update_row, insert_phone, insert_tag, delete_phones, delete_tags;

  void bind_from(const Customer& c) {
    company = c.company, company_norm = c.company_norm, contact_name = c.contact_name, title = c.title;
    fax = c.fax, industry = c.industry, region = c.region, size = c.size, it_status = c.it_status;
    source = c.source, needs = c.needs, notes = c.notes, status = std::string(status_name(c.status));
    grade = c.grade;
    grade_ind = c.grade.empty() ? soci::i_null : soci::i_ok;
    headcount = c.headcount.value_or(0);
    headcount_ind = c.headcount ? soci::i_ok : soci::i_null;
    owner_id = c.owner_id.value_or(0);
    owner_ind = c.owner_id ? soci::i_ok : soci::i_null;
    created_by = c.created_by.value_or(0);
    created_by_ind = c.created_by ? soci::i_ok : soci::i_null;
    created_at = c.created_at, updated_at = c.updated_at;
    province = c.phones.empty() ? "" : c.phones.front().province;
    city = c.phones.empty() ? "" : c.phones.front().city;
    search_text = customer_search_text(c);
    id = c.id;
  }

  void write_children(const Customer& c) {
    child_customer = c.id;
    phone_position = 0;
    for (const auto& p : c.phones) {
      phone_e164 = p.e164, phone_kind = std::string(phone_kind_name(p.kind));
      phone_province = p.province, phone_city = p.city;
      insert_phone->execute(true);
      ++phone_position;
    }
    for (const auto& t : c.tags) {
      tag = t;
      insert_tag->execute(true);
    }
  }
};

CustomerWriter::CustomerWriter(soci::session& sql) : impl_(std::make_unique<Impl>(sql)) {
  Impl& m = *impl_;
  using soci::use;
  m.insert_row = std::make_unique<soci::statement>(
      (sql.prepare << "INSERT INTO customers (company, company_norm, contact_name, title, fax, industry, region, size, "
                      "headcount, it_status, source, needs, grade, status, owner_id, notes, province, city, "
                      "search_text, created_by, created_at, updated_at) VALUES (:company, :company_norm, :contact, "
                      ":title, :fax, :industry, :region, :size, :headcount, :it_status, :source, :needs, :grade, "
                      ":status, :owner, :notes, :province, :city, :search, :created_by, :created_at, :updated_at) "
                      "RETURNING id",
       use(m.company, "company"), use(m.company_norm, "company_norm"), use(m.contact_name, "contact"),
       use(m.title, "title"), use(m.fax, "fax"), use(m.industry, "industry"), use(m.region, "region"),
       use(m.size, "size"), use(m.headcount, m.headcount_ind, "headcount"), use(m.it_status, "it_status"),
       use(m.source, "source"), use(m.needs, "needs"), use(m.grade, m.grade_ind, "grade"), use(m.status, "status"),
       use(m.owner_id, m.owner_ind, "owner"), use(m.notes, "notes"), use(m.province, "province"),
       use(m.city, "city"), use(m.search_text, "search"), use(m.created_by, m.created_by_ind, "created_by"),
       use(m.created_at, "created_at"), use(m.updated_at, "updated_at"), soci::into(m.id)));
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
       use(m.owner_id, m.owner_ind, "owner"), use(m.notes, "notes"), use(m.province, "province"),
       use(m.city, "city"), use(m.search_text, "search"), use(m.updated_at, "updated_at"), use(m.id, "id")));
  m.insert_phone = std::make_unique<soci::statement>(
      (sql.prepare << "INSERT INTO customer_phones (customer_id, e164, kind, province, city, position) VALUES "
                      "(:cid, :e164, :kind, :province, :city, :position)",
       use(m.child_customer, "cid"), use(m.phone_e164, "e164"), use(m.phone_kind, "kind"),
       use(m.phone_province, "province"), use(m.phone_city, "city"), use(m.phone_position, "position")));
  m.insert_tag = std::make_unique<soci::statement>(
      (sql.prepare << "INSERT INTO customer_tags (customer_id, tag) VALUES (:cid, :tag)", use(m.child_customer, "cid"),
       use(m.tag, "tag")));
  m.delete_phones = std::make_unique<soci::statement>(
      (sql.prepare << "DELETE FROM customer_phones WHERE customer_id = :cid", use(m.child_customer, "cid")));
  m.delete_tags = std::make_unique<soci::statement>(
      (sql.prepare << "DELETE FROM customer_tags WHERE customer_id = :cid", use(m.child_customer, "cid")));
}

CustomerWriter::~CustomerWriter() = default;

void CustomerWriter::insert(Customer& c) {
  impl_->bind_from(c);
  impl_->insert_row->execute(true);
  c.id = impl_->id;
  impl_->write_children(c);
}

void CustomerWriter::update(const Customer& c) {
  impl_->bind_from(c);
  impl_->update_row->execute(true);
  impl_->child_customer = c.id;
  impl_->delete_phones->execute(true);
  impl_->delete_tags->execute(true);
  impl_->write_children(c);
}

std::optional<Customer> customer_by_id(soci::session& sql, long long id) {
  db::Query q;
  q << "SELECT " << kCustomerColumns << " FROM customers c WHERE c.id = " << q.bind(id);
  auto r = q.fetch_one(sql, kCustomerColumnCount);
  if (!r) return std::nullopt;
  std::vector<Customer> one{customer_from_row(*r)};
  load_children(sql, one);
  return std::move(one.front());
}

std::optional<Holder> phone_holder(soci::session& sql, const std::string& e164) {
  db::Query q;
  q << "SELECT c.id, c.owner_id FROM customer_phones p JOIN customers c ON c.id = p.customer_id WHERE p.e164 = "
    << q.bind(e164);
  auto r = q.fetch_one(sql, 2);
  if (!r) return std::nullopt;
  return Holder{r->i64(0), r->opt_i64(1)};
}

std::vector<Holder> company_holders(soci::session& sql, const std::string& company_norm) {
  std::vector<Holder> out;
  if (company_norm.empty()) return out;
  db::Query q;
  q << "SELECT id, owner_id FROM customers WHERE company_norm = " << q.bind(company_norm)
    << " AND owner_id IS NOT NULL ORDER BY id LIMIT 20";
  for (const auto& r : q.fetch(sql, 2)) out.push_back({r.i64(0), r.opt_i64(1)});
  return out;
}

std::vector<Customer> list_customers(soci::session& sql, const CustomerFilter& f, const Scope& scope,
                                     const std::vector<long long>& owner_teams, const std::optional<db::Cursor>& after,
                                     int limit) {
  db::Query q;
  q << "SELECT " << kCustomerColumns << " FROM customers c WHERE 1=1";
  if (!scope.all) {
    if (scope.own_user_id) {
      q << " AND (c.owner_id = " << q.bind(*scope.own_user_id) << " OR c.owner_id IS NULL)";
    } else {
      q << " AND (c.owner_id IS NULL OR c.owner_id IN (SELECT id FROM users WHERE team_id IN ("
        << q.bind_list(scope.team_ids) << ")))";
    }
  }
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
  if (f.tag) q << " AND c.id IN (SELECT customer_id FROM customer_tags WHERE tag = " << q.bind(*f.tag) << ")";
  if (!f.q.empty()) {
    std::string lowered;
    for (char ch : f.q) lowered += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    q << " AND c.search_text LIKE " << q.bind("%" + lowered + "%");
  }
  auto sort = keyset_for(f.sort);
  if (after) q << " AND " << db::keyset_after(q, sort, *after);
  q << " ORDER BY " << db::keyset_order(sort) << " LIMIT " << std::to_string(limit + 1);
  std::vector<Customer> out;
  for (const auto& r : q.fetch(sql, kCustomerColumnCount)) out.push_back(customer_from_row(r));
  load_children(sql, out);
  return out;
}

db::Cursor cursor_after(const Customer& c, CustomerSort sort) {
  switch (sort) {
    case CustomerSort::kUpdatedDesc:
    case CustomerSort::kUpdatedAsc:
      return {std::to_string(c.updated_at), c.id};
    case CustomerSort::kCompanyAsc:
    case CustomerSort::kCompanyDesc:
      return {c.company, c.id};
    default:
      return {"", c.id};
  }
}

long long insert_claim(soci::session& sql, const DuplicateClaim& d, const std::string& candidate_json,
                       std::optional<long long> created_by) {
  db::Query q;
  q << "INSERT INTO duplicate_claims (customer_id, holder_id, claimant_id, reason, matched, candidate_json, origin, "
       "status, created_by, created_at) VALUES ("
    << q.bind(d.customer_id) << ", " << (d.holder_id ? q.bind(*d.holder_id) : "NULL") << ", "
    << (d.claimant_id ? q.bind(*d.claimant_id) : "NULL") << ", " << q.bind(d.reason) << ", " << q.bind(d.matched)
    << ", " << q.bind(candidate_json) << ", " << q.bind(d.origin) << ", " << q.bind(std::string("open")) << ", "
    << (created_by ? q.bind(*created_by) : "NULL") << ", " << q.bind(d.created_at) << ") RETURNING id";
  return *q.scalar(sql);
}

std::vector<DuplicateClaim> list_claims(soci::session& sql, const std::optional<std::string>& status,
                                        long long after_id, int limit) {
  db::Query q;
  q << "SELECT id, customer_id, holder_id, claimant_id, reason, matched, origin, status, created_at "
       "FROM duplicate_claims WHERE id > "
    << q.bind(after_id);
  if (status) q << " AND status = " << q.bind(*status);
  q << " ORDER BY id LIMIT " << std::to_string(limit);
  std::vector<DuplicateClaim> out;
  for (const auto& r : q.fetch(sql, 9)) {
    out.push_back({r.i64(0), r.i64(1), r.opt_i64(2), r.opt_i64(3), r.str(4), r.str(5), r.str(6), r.str(7), r.i64(8)});
  }
  return out;
}

}  // namespace waihu::crm::store
