#include "calls/store.hpp"

#include <algorithm>

#include "db/query.hpp"
#include "db/row_inserter.hpp"
#include "org/scope_sql.hpp"

namespace waihu::calls::store {

namespace {
constexpr const char* kCallColumns =
    "id, agent_id, customer_id, number, direction, campaign_id, started_at, answered_at, ended_at, ring_seconds, "
    "talk_seconds, result, effective, recording, notes, source, external_id, created_at, fabricated_at, fabricated_by, "
    "fabricated_reason";
constexpr size_t kCallColumnCount = 21;

Call call_from_row(const db::Row& r) {
  Call c;
  c.id = r.i64(0);
  c.agent_id = r.i64(1);
  c.customer_id = r.opt_i64(2);
  c.number = r.str(3);
  c.direction = parse_direction(r.str(4)).value_or(Direction::kOutbound);
  c.campaign_id = r.opt_i64(5);
  c.started_at = r.i64(6);
  c.answered_at = r.opt_i64(7);
  c.ended_at = r.i64(8);
  c.ring_seconds = r.i64(9);
  c.talk_seconds = r.i64(10);
  c.result = parse_call_result(r.str(11)).value_or(CallResult::kFailed);
  c.effective = r.i64(12) != 0;
  c.recording = r.str(13);
  c.notes = r.str(14);
  c.source = r.str(15) == "imported" ? CallSource::kImported : CallSource::kAgent;
  c.external_id = r.opt_str(16);
  c.created_at = r.i64(17);
  if (auto at = r.opt_i64(18)) c.fabricated = Fabrication{*at, r.opt_i64(19).value_or(0), r.opt_str(20).value_or("")};
  return c;
}
}  // namespace

bool mark_fabricated(soci::session& sql, long long call_id, const Fabrication& f) {
  db::Query q;
  q << "UPDATE calls SET fabricated_at = " << q.bind(f.at) << ", fabricated_by = " << q.bind(f.by)
    << ", fabricated_reason = " << q.bind(f.reason) << " WHERE id = " << q.bind(call_id)
    << " AND fabricated_at IS NULL";
  return q.exec_count(sql) > 0;
}

std::string agent_in_scope(db::Query& q, const Scope& scope) { return org::scope_sql(q, scope, {.user = "agent_id"}); }

CallWriter::CallWriter(soci::session& sql, db::Dialect dialect, bool batched)
    : rows_(std::make_unique<db::RowInserter>(
          sql, dialect, "calls",
          std::vector<std::string>{"agent_id", "customer_id", "number", "direction", "campaign_id", "started_at",
                                   "answered_at", "ended_at", "ring_seconds", "talk_seconds", "result", "effective",
                                   "recording", "notes", "source", "external_id", "created_by", "created_at"},
          db::RowInserter::Options{.skip_on_conflict = true, .batched = batched})) {}

CallWriter::~CallWriter() = default;

bool CallWriter::insert_new(Call& c, std::optional<long long> created_by) {
  append(c, created_by);
  return rows_->last_inserted();
}

void CallWriter::add(Call c, std::optional<long long> created_by) {
  append(c, created_by);
  pending_.push_back(std::move(c));
}

void CallWriter::settle(const std::function<void(const Call&, bool inserted)>& f) {
  rows_->flush();
  auto ids = rows_->take_inserted_ids();
  std::sort(ids.begin(), ids.end());
  for (const auto& c : pending_) f(c, c.id && std::binary_search(ids.begin(), ids.end(), c.id));
  pending_.clear();
}

void CallWriter::append(Call& c, std::optional<long long> created_by) {
  db::RowInserter& r = *rows_;
  r.integer(c.agent_id);
  c.customer_id ? r.integer(*c.customer_id) : r.null();
  r.text(c.number).text(direction_name(c.direction));
  c.campaign_id ? r.integer(*c.campaign_id) : r.null();
  r.integer(c.started_at);
  c.answered_at ? r.integer(*c.answered_at) : r.null();
  r.integer(c.ended_at).integer(c.ring_seconds).integer(c.talk_seconds).text(call_result_name(c.result));
  r.integer(c.effective ? 1 : 0).text(c.recording).text(c.notes).text(call_source_name(c.source));
  c.external_id ? r.text(*c.external_id) : r.null();
  created_by ? r.integer(*created_by) : r.null();
  r.integer(c.created_at);
  c.id = r.insert();
}

bool insert_call(soci::session& sql, db::Dialect dialect, Call& c, std::optional<long long> created_by) {
  return CallWriter(sql, dialect).insert_new(c, created_by);
}

std::optional<Call> call_by_id(soci::session& sql, long long id) {
  db::Query q;
  q << "SELECT " << kCallColumns << " FROM calls WHERE id = " << q.bind(id);
  auto r = q.fetch_one(sql, kCallColumnCount);
  if (!r) return std::nullopt;
  return call_from_row(*r);
}

std::vector<Call> list_calls(soci::session& sql, const CallFilter& f, const Scope& scope,
                             const std::optional<db::Cursor>& after, int limit) {
  db::Query q;
  q << "SELECT " << kCallColumns << " FROM calls WHERE 1=1";
  q << agent_in_scope(q, scope);
  if (f.agent_id) q << " AND agent_id = " << q.bind(*f.agent_id);
  if (f.customer_id) q << " AND customer_id = " << q.bind(*f.customer_id);
  if (f.from) q << " AND started_at >= " << q.bind(*f.from);
  if (f.to) q << " AND started_at < " << q.bind(*f.to);
  db::KeysetSort sort{"started_at", "id", true, true};
  if (after) q << " AND " << db::keyset_after(q, sort, *after);
  q << " ORDER BY " << db::keyset_order(sort) << " LIMIT " << std::to_string(limit + 1);
  std::vector<Call> out;
  for (const auto& r : q.fetch(sql, kCallColumnCount)) out.push_back(call_from_row(r));
  return out;
}

}  // namespace waihu::calls::store
