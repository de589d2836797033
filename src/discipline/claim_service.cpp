#include "discipline/claim_service.hpp"

#include <algorithm>

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "crm/access.hpp"
#include "crm/rules.hpp"
#include "crm/store.hpp"
#include "db/keyset.hpp"
#include "discipline/store.hpp"
#include "org/rules.hpp"
#include "util/strings.hpp"

namespace waihu::discipline {

namespace {
const char* kNotFound = "撞单不存在 / no such duplicate claim";

bool is_party(const store::ClaimCase& c, long long user) { return c.holder_id == user || c.claimant_id == user; }

std::vector<long long> parties(const store::ClaimCase& c) {
  std::vector<long long> out;
  if (c.holder_id) out.push_back(*c.holder_id);
  if (c.claimant_id && c.claimant_id != c.holder_id) out.push_back(*c.claimant_id);
  return out;
}

std::string checked_note(const std::string& note, bool required) {
  const std::string n(util::trim(note));
  if (required && n.empty()) throw BadRequest::field("note", "必填 / required", "validation.required");
  if (n.size() > 2000) throw BadRequest::field("note", "太长（最多 2000 字节）/ too long (2000 bytes at most)");
  return n;
}

nlohmann::json case_json(const store::ClaimCase& c) {
  auto opt = [](const std::optional<long long>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"status", c.status}, {"stage", c.stage}, {"keeper_id", opt(c.keeper_id)}};
}
}  // namespace

store::ClaimCase ClaimService::visible(const org::Actor& actor, long long id) {
  auto c = db_.read([&](soci::session& sql) { return store::claim_case(sql, id); });
  if (!c) throw NotFound("duplicate_claim.not_found", kNotFound);
  if (is_party(*c, actor.user_id)) return *c;
  for (long long p : parties(*c))
    if (org::data_scope(actor.role) != org::Scope::kOwn && org_.sees_records_of(actor, p)) return *c;
  throw NotFound("duplicate_claim.not_found", kNotFound);
}

ClaimActor ClaimService::who(const org::Actor& actor, const store::ClaimCase& c) {
  ClaimActor w{actor.role, is_party(c, actor.user_id), true};
  for (long long p : parties(c)) w.sees_both = w.sees_both && org_.sees_records_of(actor, p);
  return w;
}

void ClaimService::check(ClaimAction a, const org::Actor& actor, const store::ClaimCase& c) {
  const ClaimState s{c.status == "open", parse_claim_stage(c.stage).value_or(ClaimStage::kAgents),
                     c.holder_id && c.claimant_id && c.holder_id != c.claimant_id};
  if (auto refused = claim_refusal(a, s, who(actor, c))) {
    if (!s.open) throw Conflict("duplicate_claim.closed", *refused);
    throw RuleViolation("duplicate_claim.refused", *refused);
  }
}

ClaimView ClaimService::view(const org::Actor& actor, store::ClaimCase c, bool whole) {
  ClaimView v;
  if (c.reason == "phone" && !crm::phone_visible_for_owner(actor, c.holder_id)) c.matched = crm::mask_phone(c.matched);
  const bool sees_holder =
      c.holder_id && (actor.user_id == *c.holder_id ||
                      (org::data_scope(actor.role) != org::Scope::kOwn && org_.sees_records_of(actor, *c.holder_id)));
  if (!sees_holder) c.customer_company.clear();
  std::vector<long long> ids = parties(c);
  if (c.keeper_id) ids.push_back(*c.keeper_id);
  if (whole) {
    db_.read([&](soci::session& sql) {
      v.steps = store::steps(sql, c.id);
      v.penalties = store::penalties(sql, c.id);
    });
    for (const auto& s : v.steps) ids.push_back(s.actor_id);
    const ClaimState s{c.status == "open", parse_claim_stage(c.stage).value_or(ClaimStage::kAgents),
                       c.holder_id && c.claimant_id && c.holder_id != c.claimant_id};
    const ClaimActor w = who(actor, c);
    v.can_yield = !claim_refusal(ClaimAction::kYield, s, w);
    v.can_escalate = !claim_refusal(ClaimAction::kEscalate, s, w);
    v.can_decide = !claim_refusal(ClaimAction::kDecide, s, w);
  }
  v.names = org_.people_names(ids);
  v.c = std::move(c);
  return v;
}

ClaimPage ClaimService::list(const org::Actor& actor, const std::optional<std::string>& status,
                             const std::string& cursor, int limit) {
  if (status && *status != "open" && *status != "closed" && *status != "settled" && *status != "decided")
    throw BadRequest::field("status",
                            "应为 open、closed、settled 或 decided / must be open, closed, settled or decided");
  store::ClaimFilter f;
  f.status = status;
  switch (org::data_scope(actor.role)) {
    case org::Scope::kAll:
      f.all = true;
      break;
    case org::Scope::kOwn:
      f.party = actor.user_id;
      break;
    case org::Scope::kTeamSubtree:
      f.team_ids = actor.scope_team_ids;
      break;
  }
  auto after = db::cursor_param(cursor);
  auto rows =
      db_.read([&](soci::session& sql) { return store::claim_cases(sql, f, after ? after->id : 0, limit + 1); });
  auto page = db::page_of(std::move(rows), limit, [](const store::ClaimCase& c) { return db::Cursor{"", c.id}; });
  ClaimPage out;
  out.next_cursor = page.next_cursor;
  for (auto& c : page.items) out.items.push_back(view(actor, std::move(c), false));
  return out;
}

ClaimView ClaimService::get(const org::Actor& actor, long long id) { return view(actor, visible(actor, id), true); }

ClaimView ClaimService::escalate(const org::Actor& actor, long long id, const std::string& note) {
  const store::ClaimCase c = visible(actor, id);
  check(ClaimAction::kEscalate, actor, c);
  const std::string text = checked_note(note, true);
  const ClaimStage from = *parse_claim_stage(c.stage);
  const ClaimStage to = *next_stage(from);
  const long long now = time_.now();
  const calendar::LocalDate today = time_.date_at(now);
  const DayRules rules = rules_(today);
  db_.write([&](soci::session& sql) {
    if (!store::move_stage(sql, id, c.stage, std::string(claim_stage_name(to))))
      throw Conflict("duplicate_claim.moved",
                     "撞单刚被他人处理，请刷新 / someone acted on the case just now: reload it");
    store::add_step(sql,
                    {0, id, now, actor.user_id, "escalate", std::string(claim_stage_name(to)), std::nullopt, text});
    // 每人: each agent loses the share, written down for pay with the month and the version that set it.
    const auto before = store::penalties(sql, id);
    for (long long p : parties(c)) {
      long long so_far = 0;
      for (const auto& b : before)
        if (b.user_id == p) so_far = std::max(so_far, b.total_percent);
      const ClaimPenalty cost = escalation_penalty(rules.claims, to, so_far);
      if (cost.percent == 0) continue;
      store::add_penalty(sql, {id, p, std::string(claim_stage_name(to)), cost.percent, cost.total_percent,
                               calendar::Month::of(today).str(), rules.policy_version, now});
    }
    audit::record(sql, {0,
                        now,
                        actor.user_id,
                        "duplicate_claim.escalate",
                        "duplicate_claim",
                        id,
                        case_json(c),
                        {{"status", "open"}, {"stage", claim_stage_name(to)}},
                        {{"note", text}}});
  });
  return get(actor, id);
}

void ClaimService::close(soci::session& sql, const org::Actor& actor, const store::ClaimCase& c,
                         const std::string& status, long long keeper, const std::string& action,
                         const std::string& note, long long now) {
  if (!store::close_case(sql, c.id, c.stage, status, keeper, now))
    throw Conflict("duplicate_claim.moved", "撞单刚被他人处理，请刷新 / someone acted on the case just now: reload it");
  store::add_step(sql, {0, c.id, now, actor.user_id, action, c.stage, keeper, note});
  // The customer goes to the keeper (it may have moved since the case opened).
  auto owners = crm::store::owners_of(sql, {c.customer_id});
  std::optional<long long> owner = owners.count(c.customer_id) ? owners.at(c.customer_id) : std::nullopt;
  if (owner != keeper) crm::store::set_owner(sql, c.customer_id, keeper, now);
  store::ClaimCase after = c;
  after.status = status;
  after.keeper_id = keeper;
  audit::record(sql, {0,
                      now,
                      actor.user_id,
                      "duplicate_claim." + action,
                      "duplicate_claim",
                      c.id,
                      case_json(c),
                      case_json(after),
                      {{"note", note},
                       {"customer_id", c.customer_id},
                       {"owner_before", owner ? nlohmann::json(*owner) : nlohmann::json(nullptr)}}});
}

ClaimView ClaimService::yield(const org::Actor& actor, long long id, const std::string& note) {
  const store::ClaimCase c = visible(actor, id);
  check(ClaimAction::kYield, actor, c);
  const std::string text = checked_note(note, false);
  const long long keeper = c.holder_id == actor.user_id ? *c.claimant_id : *c.holder_id;
  db_.write([&](soci::session& sql) { close(sql, actor, c, "settled", keeper, "yield", text, time_.now()); });
  return get(actor, id);
}

ClaimView ClaimService::decide(const org::Actor& actor, long long id, const ClaimDecision& d) {
  const store::ClaimCase c = visible(actor, id);
  check(ClaimAction::kDecide, actor, c);
  const std::string text = checked_note(d.note, true);
  const auto named = parties(c);
  if (std::find(named.begin(), named.end(), d.keeper_id) == named.end())
    throw BadRequest::field("keeper_id", "应为撞单双方之一 / must be one of the two agents");
  for (long long m : d.malicious)
    if (std::find(named.begin(), named.end(), m) == named.end())
      throw BadRequest::field("malicious", "只能认定撞单双方 / only the two agents can be found poaching");
  const long long now = time_.now();
  const calendar::LocalDate today = time_.date_at(now);
  const DayRules rules = rules_(today);
  std::vector<long long> cases;
  db_.write([&](soci::session& sql) {
    close(sql, actor, c, "decided", d.keeper_id, "decide", text, now);
    for (long long m : d.malicious) {
      store::DismissalCase dc;
      dc.user_id = m;
      dc.day = today;
      dc.item = "malicious_claim";
      dc.reason = text;
      dc.evidence = "撞单 #" + std::to_string(id) + "：恶意抢单、相互拆台 / duplicate claim #" + std::to_string(id) +
                    ": deliberate poaching or undermining";
      dc.policy_version = rules.policy_version;
      dc.raised_by = actor.user_id;
      dc.created_at = now;
      cases.push_back(store::add_case(sql, dc));
    }
  });
  ClaimView v = get(actor, id);
  v.dismissal_cases = std::move(cases);
  return v;
}

}  // namespace waihu::discipline
