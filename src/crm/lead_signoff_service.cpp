#include "crm/lead_signoff_service.hpp"

#include <algorithm>
#include <map>

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "db/keyset.hpp"
#include "org/rules.hpp"
#include "org/store.hpp"
#include "util/strings.hpp"

namespace waihu::crm {

namespace {
NotFound no_such(long long id) {
  return NotFound("lead_signoff.not_found", "签认请求不存在 / no such sign-off request", {{"id", id}});
}
}  // namespace

store::SignOffRow LeadSignOffs::request(const org::Actor& actor, long long customer_id, long long field_rep_id) {
  const Customer c = customers_.get(actor, customer_id);  // not found unless the actor may read it
  if (customers_.access(actor, c) != Access::kWrite)
    throw Forbidden("forbidden",
                    "只有客户的负责人或其主管可以申请签认 / only the customer's owner or their "
                    "supervisor asks for a sign-off");
  if (!c.owner_id)
    throw RuleViolation(
        "lead_signoff.pool",
        "公海客户没有可计奖的员工，先领取再申请 / a pool customer has no one to credit: claim it first");
  if (c.grade != "A" && c.grade != "B")
    throw RuleViolation("lead_signoff.grade", "只有 A、B 类客户需要签认（当前等级：" +
                                                  (c.grade.empty() ? std::string("未评级") : c.grade) +
                                                  "）/ only grade A and B leads are signed off");
  std::optional<org::User> rep;
  try {
    rep = org_.get_user(nullptr, field_rep_id);
  } catch (const NotFound&) {
  }
  if (!rep || rep->role != org::Role::kFieldRep || rep->employment_status == org::EmploymentStatus::kLeft)
    throw BadRequest::field("field_rep_id", "不是在职的商务代表 / not a working field rep");
  // The sign-off is a second person's check: a field rep never signs off a lead credited to themselves.
  if (rep->id == *c.owner_id)
    throw RuleViolation("lead_signoff.self",
                        "不能由客户负责人本人签认，请选择其他商务代表 / the owner cannot sign off their own lead");
  const long long now = time_.now();
  store::SignOffRow row;
  row.customer_id = c.id;
  row.grade = c.grade;
  row.credited_to = *c.owner_id;
  row.found_on = time_.date_at(c.created_at).str();
  row.field_rep_id = rep->id;
  row.requested_at = now;
  db_.write([&](soci::session& sql) {
    if (auto live = store::live_signoff_of(sql, c.id))
      throw Conflict("lead_signoff.exists", live->status == "signed"
                                                ? "该客户已签认 / the lead is signed off already"
                                                : "该客户已在等待签认 / the lead awaits a sign-off already");
    row.id = store::add_signoff(sql, row);
    audit::record(sql, {0,
                        now,
                        actor.user_id,
                        "lead_signoff.request",
                        "customer",
                        c.id,
                        {},
                        {{"grade", row.grade}, {"field_rep_id", rep->id}, {"credited_to", row.credited_to}},
                        {}});
  });
  return *db_.read([&](soci::session& sql) { return store::signoff(sql, row.id); });
}

store::SignOffRow LeadSignOffs::answer(const org::Actor& actor, long long id, const std::string& decision,
                                       const std::string& visited_on, const std::string& note) {
  const auto found = db_.read([&](soci::session& sql) { return store::signoff(sql, id); });
  if (!found) throw no_such(id);
  if (found->field_rep_id != actor.user_id) {
    if (!org_.sees_records_of(actor, found->credited_to)) throw no_such(id);
    throw Forbidden("forbidden", "只有被指定的商务代表可以签认 / only the field rep named signs it off");
  }
  if (decision != "signed" && decision != "declined")
    throw BadRequest::field("decision", "应为 signed 或 declined / must be signed or declined");
  const std::string text(util::trim(note));
  if (util::utf8_length(text) > 1000) throw BadRequest::field("note", "最多 1000 个字符 / at most 1000 characters");
  if (decision == "declined" && text.empty())
    throw BadRequest::field("note", "拒绝时请写明原因 / a declined sign-off needs its reason", "validation.required");
  const calendar::LocalDate today = time_.today();
  std::optional<std::string> visited, signed_on;
  if (decision == "signed") {
    const auto day = calendar::LocalDate::parse(visited_on);
    if (!day) throw BadRequest::field("visited_on", "拜访日期应为 YYYY-MM-DD / the visit's day, YYYY-MM-DD");
    if (today < *day) throw BadRequest::field("visited_on", "拜访日期不能在今天之后 / the visit cannot be after today");
    if (day->str() < found->found_on)
      throw BadRequest::field("visited_on", "拜访日期早于客户录入日（" + found->found_on +
                                                "）/ the visit is before the customer was found");
    visited = day->str();
    signed_on = today.str();
  } else if (!visited_on.empty()) {
    throw BadRequest::field("visited_on", "拒绝时不填拜访日期 / a declined sign-off has no visit day");
  }
  const long long now = time_.now();
  db_.write([&](soci::session& sql) {
    if (!store::answer_signoff(sql, id, decision, visited, text, now, signed_on))
      throw Conflict("lead_signoff.answered", "该请求已答复 / the request was answered already");
    audit::record(sql, {0,
                        now,
                        actor.user_id,
                        "lead_signoff.answer",
                        "customer",
                        found->customer_id,
                        {{"status", "requested"}},
                        {{"status", decision}, {"visited_on", visited ? nlohmann::json(*visited) : nlohmann::json()}},
                        {{"note", text}}});
  });
  return *db_.read([&](soci::session& sql) { return store::signoff(sql, id); });
}

Page<store::SignOffRow> LeadSignOffs::list(const org::Actor& actor, const std::string& status,
                                           const std::string& cursor, int limit) {
  if (!status.empty() && status != "requested" && status != "signed" && status != "declined")
    throw BadRequest::field("status", "应为 requested、signed 或 declined / must be requested, signed or declined");
  const auto after = db::cursor_param(cursor);
  std::vector<long long> credited;
  const bool own_only = org::data_scope(actor.role) == org::Scope::kOwn;
  for (const auto& u : org_.users_in_scope(actor))
    if (!own_only || u.id == actor.user_id) credited.push_back(u.id);
  const std::optional<long long> as_rep =
      actor.role == org::Role::kFieldRep ? std::optional<long long>(actor.user_id) : std::nullopt;
  auto rows = db_.read([&](soci::session& sql) {
    return store::signoffs(sql, as_rep, credited, false, status, after ? after->id : 0, limit + 1);
  });
  return db::page_of(std::move(rows), limit, [](const store::SignOffRow& r) { return db::Cursor{"", r.id}; });
}

std::optional<store::SignOffRow> LeadSignOffs::of_customer(const org::Actor& actor, long long customer_id) {
  customers_.get(actor, customer_id);  // not found unless the actor may read it
  return db_.read([&](soci::session& sql) { return store::live_signoff_of(sql, customer_id); });
}

std::vector<FieldRep> LeadSignOffs::field_reps() {
  const std::string today = time_.today().str();
  std::map<long long, std::string> teams;
  for (const auto& t : org_.list_teams()) teams[t.id] = t.name;
  std::vector<FieldRep> out;
  db_.read([&](soci::session& sql) {
    for (const auto& u : org::store::staff_on(sql, today))
      if (u.role == org::Role::kFieldRep) out.push_back({u.id, u.display_name, teams[u.team_id]});
  });
  std::sort(out.begin(), out.end(), [](const FieldRep& a, const FieldRep& b) { return a.name < b.name; });
  return out;
}

}  // namespace waihu::crm
