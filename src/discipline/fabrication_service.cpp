#include "discipline/fabrication_service.hpp"

#include "calls/follow_up_store.hpp"
#include "calls/store.hpp"
#include "core/errors.hpp"
#include "org/rules.hpp"
#include "util/strings.hpp"

namespace waihu::discipline {

namespace {
// What the ledger needs of the record: whose it is, when it was made, and how people name it.
struct Record {
  long long agent_id = 0, at = 0;
  bool marked = false;
};
std::optional<Record> find(soci::session& sql, RecordKind kind, long long id) {
  if (kind == RecordKind::kCall) {
    auto c = calls::store::call_by_id(sql, id);
    if (!c) return std::nullopt;
    return Record{c->agent_id, c->started_at, c->fabricated.has_value()};
  }
  auto f = calls::store::follow_up_by_id(sql, id);
  if (!f) return std::nullopt;
  return Record{f->agent_id, f->at, f->fabricated.has_value()};
}
}  // namespace

FabricationResult FabricationService::mark(const org::Actor& actor, RecordKind kind, long long id,
                                           const std::string& reason) {
  if (!org::has_right(actor.role, org::Right::kEnterPoints))
    throw Forbidden("forbidden",
                    "标记虚报需要主管及以上权限 / marking a record fabricated is for supervisors and above");
  const bool call = kind == RecordKind::kCall;
  const char* not_found_zh = call ? "通话记录不存在 / no such call" : "跟进记录不存在 / no such follow-up";
  auto seen = db_.read([&](soci::session& sql) { return find(sql, kind, id); });
  if (!seen || !org_.sees_records_of(actor, seen->agent_id))
    throw NotFound(call ? "call.not_found" : "follow_up.not_found", not_found_zh);
  if (seen->agent_id == actor.user_id)
    throw RuleViolation("fabrication.own", "不能标记自己的记录 / nobody marks their own record");
  if (util::trim(reason).empty()) throw BadRequest::field("reason", "必填 / required", "validation.required");
  if (reason.size() > 2000) throw BadRequest::field("reason", "太长 / too long");
  const long long now = time_.now();
  const calendar::LocalDate today = time_.date_at(now);
  const DayRules rules = rules_(today);
  return db_.write([&](soci::session& sql) {
    const calls::Fabrication f{now, actor.user_id, reason};
    const bool marked =
        call ? calls::store::mark_fabricated(sql, id, f) : calls::store::mark_follow_up_fabricated(sql, id, f);
    if (!marked) throw Conflict("fabrication.marked", "这条记录已标记为虚报 / the record is marked already");
    // The record's day is counted again without it.
    days_.touch(sql, seen->agent_id, seen->at, call ? kpi::store::kCalls : kpi::store::kFollowUps);
    FabricationResult out{id, seen->agent_id, std::nullopt};
    if (!rules.fabrication || (rules.fabrication->fine_fen == 0 && rules.fabrication->points == 0)) return out;
    store::EntryRow e;
    e.user_id = seen->agent_id;
    e.day = today;
    const std::string what = call ? "通话" : "跟进记录";
    e.entry = {"fabricated",
               rules.fabrication->points,
               rules.fabrication->fine_fen,
               0,
               "fabrication",
               what + " #" + std::to_string(id) + "（" + time_.date_at(seen->at).str() + "）虚报 / " +
                   (call ? "call #" : "follow-up #") + std::to_string(id) + " fabricated"};
    e.policy_version = rules.policy_version;
    e.source = "manual";
    e.reason = reason;
    e.entered_by = actor.user_id;
    e.created_at = now;
    const std::string key = std::string("fabricated:") + (call ? "call:" : "follow_up:") + std::to_string(id);
    if (auto entry_id = store::add_entry(sql, e, key)) out.entry = store::entry(sql, *entry_id);
    return out;
  });
}

}  // namespace waihu::discipline
