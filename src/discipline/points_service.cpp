#include "discipline/points_service.hpp"

#include "core/errors.hpp"
#include "db/keyset.hpp"
#include "discipline/points_rules.hpp"
#include "discipline/report_store.hpp"
#include "org/rules.hpp"
#include "util/strings.hpp"

namespace waihu::discipline {

namespace {
const std::string kMonth = "month";

void text_limit(const std::string& field, const std::string& v, size_t max, bool required) {
  if (required && util::trim(v).empty()) throw BadRequest::field(field, "必填 / required");
  if (v.size() > max) throw BadRequest::field(field, "太长（最多 " + std::to_string(max) + " 字节）/ too long");
}

store::EntryRow must_find(soci::session& sql, long long id) {
  auto e = store::entry(sql, id);
  if (!e) throw NotFound("entry.not_found", "记录不存在 / no such entry");
  return *e;
}

std::optional<long long> cursor_id(const std::string& cursor) {
  if (cursor.empty()) return std::nullopt;
  auto c = db::cursor_param(cursor);
  if (!c) return std::nullopt;
  return c->id;
}
}  // namespace

Catalogue PointsService::catalogue(const calendar::LocalDate& day) {
  const DayRules r = rules_(day);
  Catalogue c{day, r.policy_version, std::nullopt, {}};
  if (r.points) c.points = *r.points;
  if (r.reports)
    for (const auto& k : r.reports->kinds) c.automatic.push_back(k.item);
  return c;
}

std::map<long long, std::string> PointsService::names(const org::Actor& actor) {
  std::map<long long, std::string> out;
  for (const auto& u : org_.users_in_scope(actor)) out[u.id] = u.display_name + " (" + u.username + ")";
  return out;
}

namespace {
std::vector<long long> ids_of(const std::map<long long, std::string>& names) {
  std::vector<long long> ids;
  for (const auto& [id, _] : names) ids.push_back(id);
  return ids;
}
}  // namespace

PointsResult PointsService::enter(const org::Actor& actor, const PointsInput& in) {
  if (!org::has_right(actor.role, org::Right::kEnterPoints))
    throw Forbidden("forbidden", "记分需要主管及以上权限 / entering points is for supervisors and above");
  if (in.user_id == actor.user_id)
    throw RuleViolation("points.self", "不能给自己记分 / nobody enters points for themselves");
  if (!org_.sees_records_of(actor, in.user_id)) throw NotFound("user.not_found", "用户不存在 / no such user");
  const org::User subject = org_.get_user(nullptr, in.user_id);
  const long long now = time_.now();
  if (time_.date_at(now) < in.day) throw BadRequest::field("date", "不能是将来的日子 / not a day to come");
  text_limit("reason", in.reason, 2000, true);
  text_limit("evidence", in.evidence, 2000, false);
  const DayRules rules = rules_(in.day);
  if (!rules.points)
    throw RuleViolation("points.no_ledger", "当日制度未设绩效分 / the policy in force that day keeps no points");
  const PointsItem* item = find_item(*rules.points, in.item);
  if (!item) throw BadRequest::field("item", "不是制度目录中的事项 / not an item of the policy's catalogue");
  if (rules.reports)
    for (const auto& k : rules.reports->kinds)
      if (k.item == in.item)
        throw BadRequest::field("item", "此项由汇报截止时自动记入 / written by itself when the report falls due");
  if (!role_listed(rules.points->roles, subject.role))
    throw RuleViolation("points.no_ledger", "该角色不记绩效分 / the policy keeps no points for this role");
  if (in.serious && item->dismissal != Dismissal::kIfSerious)
    throw BadRequest::field("serious", "该事项没有「严重」一档 / the item has no serious case");
  const bool raise_case = item->dismissal == Dismissal::kAlways || in.serious;
  return db_.write([&](soci::session& sql) {
    if (store::is_closed(sql, kMonth, calendar::Month::of(in.day).str()))
      throw RuleViolation("points.month_closed",
                          "该月已结算，不能再记分 / the month is closed; enter it in the current month");
    PointsResult out;
    if (raise_case) {
      store::DismissalCase c;
      c.user_id = in.user_id;
      c.day = in.day;
      c.item = in.item;
      c.reason = in.reason;
      c.evidence = in.evidence;
      c.policy_version = rules.policy_version;
      c.raised_by = actor.user_id;
      c.created_at = now;
      out.dismissal_case = store::dismissal_case(sql, store::add_case(sql, c));
      return out;
    }
    store::EntryRow row;
    row.user_id = in.user_id;
    row.day = in.day;
    row.entry = {in.item, item->points, item->fine_fen, 0, "points.item." + in.item, in.evidence};
    row.policy_version = rules.policy_version;
    row.source = "manual";
    row.reason = in.reason;
    row.entered_by = actor.user_id;
    row.created_at = now;
    out.entry = store::entry(sql, *store::add_entry(sql, row, std::nullopt));
    return out;
  });
}

store::EntryRow PointsService::object(const org::Actor& actor, long long entry_id, const std::string& reason) {
  text_limit("reason", reason, 2000, true);
  const long long now = time_.now();
  const DayRules rules = rules_(time_.date_at(now));
  return db_.write([&](soci::session& sql) {
    store::EntryRow e = must_find(sql, entry_id);
    // Someone else's entry is not there for this reader, whatever their scope: only its subject objects.
    if (e.user_id != actor.user_id) throw NotFound("entry.not_found", "记录不存在 / no such entry");
    if (e.objection) throw Conflict("objection.exists", "每条记录只能申诉一次 / an entry is objected to once");
    if (e.source == "objection" || !costs_something(e.entry.points, e.entry.fine_fen, e.entry.base_days_milli))
      throw RuleViolation("objection.nothing_to_object", "这条记录没有扣分或罚款 / the entry costs nothing");
    const std::optional<long long> window = objection_window(rules);
    if (!window)
      throw RuleViolation("objection.no_window", "现行制度未设申诉期限 / the policy in force sets no objection window");
    if (!within_objection_window(*window, e.created_at, now))
      throw RuleViolation("objection.too_late",
                          "已过申诉期限（录入后 " + std::to_string(*window) + " 天）/ too late to object");
    store::add_objection(sql, {entry_id, actor.user_id, reason, now, std::nullopt, "", std::nullopt, std::nullopt});
    return must_find(sql, entry_id);
  });
}

Listed<ObjectionItem> PointsService::objections(const org::Actor& actor, bool open, const std::string& cursor,
                                                int limit) {
  if (!org::has_right(actor.role, org::Right::kDecideObjections))
    throw Forbidden("forbidden", "裁决申诉需要经理权限 / objections are decided by managers");
  auto who = names(actor);
  const std::vector<long long> ids = ids_of(who);
  Listed<ObjectionItem> out;
  if (ids.empty()) return out;
  auto page = db::page_of(
      db_.read([&](soci::session& sql) { return store::objections(sql, ids, open, cursor_id(cursor), limit + 1); }),
      limit, [](const store::ObjectionRow& r) {
        return db::Cursor{"", r.objection.entry_id};
      });
  out.next_cursor = page.next_cursor;
  for (auto& r : page.items) {
    Named n{who[r.entry.user_id], r.entry.entered_by ? who[*r.entry.entered_by] : "",
            r.objection.decided_by ? who[*r.objection.decided_by] : ""};
    out.items.push_back({std::move(r), std::move(n)});
  }
  return out;
}

store::EntryRow PointsService::decide_objection(const org::Actor& actor, long long entry_id,
                                                const std::string& decision, const std::string& note) {
  if (!org::has_right(actor.role, org::Right::kDecideObjections))
    throw Forbidden("forbidden", "裁决申诉需要经理权限 / objections are decided by managers");
  if (decision != "upheld" && decision != "withdrawn")
    throw BadRequest::field("decision", "应为 upheld 或 withdrawn / must be upheld or withdrawn");
  text_limit("note", note, 2000, decision == "withdrawn");
  const long long now = time_.now();
  const calendar::LocalDate today = time_.date_at(now);
  const store::EntryRow seen = db_.read([&](soci::session& sql) { return must_find(sql, entry_id); });
  if (!seen.objection || !org_.sees_records_of(actor, seen.user_id))
    throw NotFound("objection.not_found", "申诉不存在 / no such objection");
  if (seen.entered_by == actor.user_id || seen.user_id == actor.user_id)
    throw RuleViolation("objection.own",
                        "不能裁决自己录入或涉及自己的记录 / not for the person who entered it or its subject");
  return db_.write([&](soci::session& sql) {
    if (!store::decide_objection(sql, entry_id, decision, note, actor.user_id, now))
      throw Conflict("objection.decided", "申诉已裁决 / the objection is decided");
    if (decision == "withdrawn") {
      const store::EntryRow e = must_find(sql, entry_id);
      // A closed month stays as it was: the correction goes into the current month and names the entry.
      const bool closed = store::is_closed(sql, kMonth, calendar::Month::of(e.day).str());
      store::EntryRow c;
      c.user_id = e.user_id;
      c.day = closed ? today : e.day;
      c.entry = {"correction",
                 -e.entry.points,
                 -e.entry.fine_fen,
                 -e.entry.base_days_milli,
                 "objection.withdrawn",
                 "撤销 #" + std::to_string(e.id) + "（" + e.entry.item + " " + e.day.str() + "）/ withdraws #" +
                     std::to_string(e.id)};
      c.fund_fen = -e.fund_fen;
      c.bonus_fen = -e.bonus_fen;
      c.policy_version = e.policy_version;
      c.source = "objection";
      c.reason = note;
      c.entered_by = actor.user_id;
      c.corrects = e.id;
      c.created_at = now;
      const auto correction = store::add_entry(sql, c, "objection:" + std::to_string(e.id));
      // The fine's share the team's activity fund received goes back out of it.
      if (auto paid = store::fund_row_of_entry(sql, e.id); paid && correction)
        store::add_fund_row(sql, {0, paid->team_id, today, -paid->amount_fen, *correction, std::nullopt,
                                  "申诉撤销 #" + std::to_string(e.id) + " / withdrawn on objection", now});
    }
    return must_find(sql, entry_id);
  });
}

Listed<CaseItem> PointsService::cases(const org::Actor& actor, bool open, const std::string& cursor, int limit) {
  if (!org::has_right(actor.role, org::Right::kDecideObjections))
    throw Forbidden("forbidden", "解雇案件由经理处理 / dismissal cases are for managers");
  auto who = names(actor);
  const std::vector<long long> ids = ids_of(who);
  Listed<CaseItem> out;
  if (ids.empty()) return out;
  auto page = db::page_of(
      db_.read([&](soci::session& sql) { return store::cases(sql, ids, open, cursor_id(cursor), limit + 1); }), limit,
      [](const store::DismissalCase& c) {
        return db::Cursor{"", c.id};
      });
  out.next_cursor = page.next_cursor;
  for (auto& c : page.items) {
    Named n{who[c.user_id], who[c.raised_by], c.decided_by ? who[*c.decided_by] : ""};
    out.items.push_back({std::move(c), std::move(n)});
  }
  return out;
}

store::DismissalCase PointsService::decide_case(const org::Actor& actor, long long id, const std::string& decision,
                                                const std::string& note) {
  if (!org::has_right(actor.role, org::Right::kDecideObjections))
    throw Forbidden("forbidden", "解雇案件由经理处理 / dismissal cases are for managers");
  if (decision != "dismissed" && decision != "not_dismissed")
    throw BadRequest::field("decision", "应为 dismissed 或 not_dismissed / must be dismissed or not_dismissed");
  text_limit("note", note, 2000, true);
  auto c = db_.read([&](soci::session& sql) { return store::dismissal_case(sql, id); });
  if (!c || !org_.sees_records_of(actor, c->user_id)) throw NotFound("case.not_found", "案件不存在 / no such case");
  if (c->raised_by == actor.user_id || c->user_id == actor.user_id)
    throw RuleViolation("case.own",
                        "不能处理自己提出或涉及自己的案件 / not for the person who raised it or its subject");
  return db_.write([&](soci::session& sql) {
    if (!store::decide_case(sql, id, decision, note, actor.user_id, time_.now()))
      throw Conflict("case.decided", "案件已处理 / the case is decided");
    return *store::dismissal_case(sql, id);
  });
}

}  // namespace waihu::discipline
