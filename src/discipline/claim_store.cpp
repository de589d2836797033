#include "discipline/claim_store.hpp"

#include <nlohmann/json.hpp>

#include "db/query.hpp"

namespace waihu::discipline::store {

namespace {
const char* kColumns =
    "c.id, c.customer_id, c.holder_id, c.claimant_id, c.reason, c.matched, c.origin, c.status, c.stage, c.keeper_id, "
    "c.created_at, c.closed_at, c.candidate_json, COALESCE(u.company, '')";
constexpr size_t kWidth = 14;
const char* kFrom = " FROM duplicate_claims c LEFT JOIN customers u ON u.id = c.customer_id";

ClaimCase from_row(const db::Row& r) {
  ClaimCase c;
  c.id = r.i64(0);
  c.customer_id = r.i64(1);
  c.holder_id = r.opt_i64(2);
  c.claimant_id = r.opt_i64(3);
  c.reason = r.str(4);
  c.matched = r.str(5);
  c.origin = r.str(6);
  c.status = r.str(7);
  c.stage = r.str(8);
  c.keeper_id = r.opt_i64(9);
  c.created_at = r.i64(10);
  c.closed_at = r.opt_i64(11);
  auto candidate = nlohmann::json::parse(r.str(12), nullptr, false);
  if (candidate.is_object() && candidate.contains("company") && candidate["company"].is_string())
    c.candidate_company = candidate["company"].get<std::string>();
  c.customer_company = r.str(13);
  return c;
}
std::string opt(db::Query& q, const std::optional<long long>& v) { return v ? q.bind(*v) : "NULL"; }
const char* kPenaltyColumns = "claim_id, user_id, stage, percent, total_percent, month, policy_version, created_at";
ClaimPenaltyRow penalty_from(const db::Row& r) {
  return {r.i64(0), r.i64(1), r.str(2), r.i64(3), r.i64(4), r.str(5), r.i64(6), r.i64(7)};
}
}  // namespace

std::optional<ClaimCase> claim_case(soci::session& sql, long long id) {
  db::Query q;
  q << "SELECT " << kColumns << kFrom << " WHERE c.id = " << q.bind(id);
  auto r = q.fetch_one(sql, kWidth);
  if (!r) return std::nullopt;
  return from_row(*r);
}

std::vector<ClaimCase> claim_cases(soci::session& sql, const ClaimFilter& f, long long after_id, int limit) {
  db::Query q;
  q << "SELECT " << kColumns << kFrom << " WHERE c.id > " << q.bind(after_id);
  if (f.status == "closed") {
    q << " AND c.status IN ('settled', 'decided')";
  } else if (f.status) {
    q << " AND c.status = " << q.bind(*f.status);
  }
  if (f.party) {
    const std::string a = q.bind(*f.party), b = q.bind(*f.party);
    q << " AND (c.holder_id = " << a << " OR c.claimant_id = " << b << ")";
  } else if (!f.all) {
    const std::string teams = q.bind_list(f.team_ids), teams_again = q.bind_list(f.team_ids);
    q << " AND (c.holder_id IN (SELECT id FROM users WHERE team_id IN (" << teams
      << ")) OR c.claimant_id IN (SELECT id FROM users WHERE team_id IN (" << teams_again << ")))";
  }
  q << " ORDER BY c.id LIMIT " << std::to_string(limit);
  std::vector<ClaimCase> out;
  for (const auto& r : q.fetch(sql, kWidth)) out.push_back(from_row(r));
  return out;
}

bool move_stage(soci::session& sql, long long id, const std::string& from, const std::string& to) {
  db::Query q;
  q << "UPDATE duplicate_claims SET stage = " << q.bind(to) << " WHERE id = " << q.bind(id)
    << " AND status = 'open' AND stage = " << q.bind(from);
  return q.exec_count(sql) == 1;
}

bool close_case(soci::session& sql, long long id, const std::string& stage, const std::string& status,
                std::optional<long long> keeper_id, long long at) {
  db::Query q;
  q << "UPDATE duplicate_claims SET status = " << q.bind(status) << ", keeper_id = " << opt(q, keeper_id)
    << ", closed_at = " << q.bind(at) << " WHERE id = " << q.bind(id)
    << " AND status = 'open' AND stage = " << q.bind(stage);
  return q.exec_count(sql) == 1;
}

void add_step(soci::session& sql, const ClaimStep& s) {
  db::Query q;
  q << "INSERT INTO duplicate_claim_steps (claim_id, at, actor_id, action, stage, keeper_id, note) VALUES ("
    << q.bind(s.claim_id) << ", " << q.bind(s.at) << ", " << q.bind(s.actor_id) << ", " << q.bind(s.action) << ", "
    << q.bind(s.stage) << ", " << opt(q, s.keeper_id) << ", " << q.bind(s.note) << ")";
  q.exec(sql);
}

std::vector<ClaimStep> steps(soci::session& sql, long long claim_id) {
  db::Query q;
  q << "SELECT id, claim_id, at, actor_id, action, stage, keeper_id, note FROM duplicate_claim_steps WHERE claim_id = "
    << q.bind(claim_id) << " ORDER BY id";
  std::vector<ClaimStep> out;
  for (const auto& r : q.fetch(sql, 8))
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.i64(3), r.str(4), r.str(5), r.opt_i64(6), r.str(7)});
  return out;
}

void add_penalty(soci::session& sql, const ClaimPenaltyRow& p) {
  db::Query q;
  q << "INSERT INTO duplicate_claim_penalties (" << kPenaltyColumns << ") VALUES (" << q.bind(p.claim_id) << ", "
    << q.bind(p.user_id) << ", " << q.bind(p.stage) << ", " << q.bind(p.percent) << ", " << q.bind(p.total_percent)
    << ", " << q.bind(p.month) << ", " << q.bind(p.policy_version) << ", " << q.bind(p.created_at) << ")";
  q.exec(sql);
}

std::vector<ClaimPenaltyRow> penalties(soci::session& sql, long long claim_id) {
  db::Query q;
  q << "SELECT " << kPenaltyColumns << " FROM duplicate_claim_penalties WHERE claim_id = " << q.bind(claim_id)
    << " ORDER BY created_at, user_id";
  std::vector<ClaimPenaltyRow> out;
  for (const auto& r : q.fetch(sql, 8)) out.push_back(penalty_from(r));
  return out;
}

}  // namespace waihu::discipline::store
