#include "policy/service.hpp"

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "org/rules.hpp"

namespace waihu::policy {

namespace {

bool may_see_drafts(const org::Actor& a) {
  return org::has_right(a.role, org::Right::kDraftPolicy) || org::has_right(a.role, org::Right::kApprovePolicy);
}

void require_drafter(const org::Actor& a) {
  if (!org::has_right(a.role, org::Right::kDraftPolicy)) {
    throw Forbidden("auth.forbidden", "只有经理和管理员可以起草制度 / only managers and admins draft policies");
  }
}

nlohmann::json audit_json(const Version& v) {
  return {{"name", v.name},
          {"effective_from", v.effective_from.str()},
          {"status", status_name(v.status)},
          {"note", v.note}};
}

std::string file_name(long long id) { return id ? "v" + std::to_string(id) + ".toml" : "draft.toml"; }

}  // namespace

nlohmann::json problems_json(const std::vector<Problem>& problems) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : problems) {
    out.push_back({{"line", p.where.line}, {"column", p.where.column}, {"reason", p.reason}});
  }
  return out;
}

void refuse_invalid(const std::vector<Problem>& problems, const std::string& field) {
  throw BadRequest("policy.invalid",
                   "制度文件有 " + std::to_string(problems.size()) + " 处问题 / the policy has " +
                       std::to_string(problems.size()) + " problem(s); first: line " +
                       std::to_string(problems.front().where.line) + ": " + problems.front().reason,
                   {{"field", field}, {"problems", problems_json(problems)}});
}

bool SectionDiff::changed() const {
  for (const auto& l : zh)
    if (l.op != ' ') return true;
  return false;
}

VersionDiff diff(const std::string& before_text, const RuleBook& before, const std::string& after_text,
                 const RuleBook& after) {
  VersionDiff d;
  d.text = util::line_diff(util::split_lines(before_text), util::split_lines(after_text));
  auto find = [&](const std::string& key) -> const RuleSection* {
    for (const auto& s : before)
      if (s.key == key) return &s;
    return nullptr;
  };
  for (const auto& s : after) {
    const RuleSection* old = find(s.key);
    static const std::vector<std::string> kNone;
    d.rules.push_back({s.key, s.title_zh, s.title_en, util::line_diff(old ? old->zh : kNone, s.zh),
                       util::line_diff(old ? old->en : kNone, s.en)});
  }
  for (const auto& s : before) {
    bool still = false;
    for (const auto& a : after) still = still || a.key == s.key;
    if (!still)
      d.rules.push_back({s.key, s.title_zh, s.title_en, util::line_diff(s.zh, {}), util::line_diff(s.en, {})});
  }
  return d;
}

Checked PolicyService::checked_or_throw(const std::string& text, const std::string& file) const {
  if (text.size() > 1024 * 1024) throw BadRequest::field("text", "制度文件不能超过 1 MB / at most 1 MB");
  Checked c = checker_(text, file);
  if (!c.ok()) refuse_invalid(c.problems, "text");
  return c;
}

Version PolicyService::load(soci::session& sql, long long id) {
  auto v = store::version(sql, id);
  if (!v) throw NotFound("policy.not_found", "没有这个制度版本 / no such policy version");
  return *v;
}

Checked PolicyService::check(const org::Actor& actor, const std::string& text) {
  if (!may_see_drafts(actor)) require_drafter(actor);
  if (text.size() > 1024 * 1024) throw BadRequest::field("text", "制度文件不能超过 1 MB / at most 1 MB");
  return checker_(text, file_name(0));
}

Version PolicyService::draft(const org::Actor& actor, const std::string& text, const std::string& note) {
  require_drafter(actor);
  if (note.size() > 2000) throw BadRequest::field("note", "说明不能超过 2000 字节 / at most 2000 bytes");
  Checked c = checked_or_throw(text, file_name(0));
  const long long now = time_.now();
  Version v;
  v.name = c.name;
  v.effective_from = c.effective_from;
  v.text = text;
  v.note = note;
  v.created_by = org::audit_actor(actor);
  v.created_at = v.updated_at = now;
  return db_.write([&](soci::session& sql) {
    v.id = store::insert_version(sql, v);
    audit::record(sql,
                  {0, now, org::audit_actor(actor), "policy.draft", "policy", v.id, nullptr, audit_json(v), nullptr});
    return load(sql, v.id);
  });
}

Version PolicyService::update_draft(const org::Actor& actor, long long id, const std::string& text,
                                    const std::string& note) {
  require_drafter(actor);
  if (note.size() > 2000) throw BadRequest::field("note", "说明不能超过 2000 字节 / at most 2000 bytes");
  Checked c = checked_or_throw(text, file_name(id));
  const long long now = time_.now();
  return db_.write([&](soci::session& sql) {
    Version before = load(sql, id);
    if (before.status != Status::kDraft) {
      throw Conflict("policy.not_draft", "只有草稿可以修改 / only a draft can be changed");
    }
    Version v = before;
    v.name = c.name;
    v.effective_from = c.effective_from;
    v.text = text;
    v.note = note;
    v.updated_at = now;
    store::update_draft(sql, v);
    audit::record(sql, {0, now, org::audit_actor(actor), "policy.update", "policy", id, audit_json(before),
                        audit_json(v), nullptr});
    return load(sql, id);
  });
}

Version PolicyService::approve(const org::Actor& actor, long long id) {
  if (!org::has_right(actor.role, org::Right::kApprovePolicy)) {
    throw Forbidden("auth.forbidden", "只有总经理可以批准制度 / only the director approves policies");
  }
  const long long now = time_.now();
  return db_.write([&](soci::session& sql) {
    Version v = load(sql, id);
    if (v.status != Status::kDraft)
      throw Conflict("policy.not_draft", "只有草稿可以批准 / only a draft can be approved");
    store::mark_approved(sql, id, org::audit_actor(actor), now);
    audit::record(sql,
                  {0, now, org::audit_actor(actor), "policy.approve", "policy", id, nullptr, audit_json(v), nullptr});
    return load(sql, id);
  });
}

Version PolicyService::publish(const org::Actor& actor, long long id) {
  if (!org::has_right(actor.role, org::Right::kDraftPolicy) &&
      !org::has_right(actor.role, org::Right::kApprovePolicy)) {
    throw Forbidden("auth.forbidden", "无权发布制度 / you may not publish policies");
  }
  const long long now = time_.now();
  Version v = db_.write([&](soci::session& sql) {
    Version v = load(sql, id);
    if (v.status != Status::kApproved) {
      throw Conflict("policy.not_approved", "制度须经总经理批准后才能发布 / a policy is published once approved");
    }
    store::mark_published(sql, id, org::audit_actor(actor), now);
    audit::record(sql,
                  {0, now, org::audit_actor(actor), "policy.publish", "policy", id, nullptr, audit_json(v), nullptr});
    return load(sql, id);
  });
  if (on_published_) on_published_(v);
  return v;
}

void PolicyService::discard(const org::Actor& actor, long long id) {
  require_drafter(actor);
  const long long now = time_.now();
  db_.write([&](soci::session& sql) {
    Version v = load(sql, id);
    if (v.status == Status::kPublished) {
      throw Conflict("policy.published",
                     "已发布的制度不能撤销，请发布新版本 / a published policy stays; publish a new version");
    }
    store::delete_version(sql, id);
    audit::record(sql,
                  {0, now, org::audit_actor(actor), "policy.discard", "policy", id, audit_json(v), nullptr, nullptr});
  });
}

Version PolicyService::apply(const org::Actor& actor, const std::string& text, const std::string& note) {
  if (actor.user_id != 0) throw Forbidden("auth.forbidden", "apply is for the command line");
  Checked c = checked_or_throw(text, file_name(0));
  const long long now = time_.now();
  Version v = db_.write([&](soci::session& sql) {
    Version v;
    v.name = c.name;
    v.effective_from = c.effective_from;
    v.text = text;
    v.note = note;
    v.created_at = v.updated_at = now;
    v.id = store::insert_version(sql, v);
    store::mark_approved(sql, v.id, std::nullopt, now);
    store::mark_published(sql, v.id, std::nullopt, now);
    v = load(sql, v.id);
    audit::record(sql, {0, now, std::nullopt, "policy.apply", "policy", v.id, nullptr, audit_json(v), nullptr});
    return v;
  });
  if (on_published_) on_published_(v);
  return v;
}

std::vector<Version> PolicyService::list(const org::Actor& actor) {
  return db_.read([&](soci::session& sql) { return store::versions(sql, may_see_drafts(actor)); });
}

Version PolicyService::get(const org::Actor& actor, long long id) {
  Version v = db_.read([&](soci::session& sql) { return load(sql, id); });
  if (v.status != Status::kPublished && !may_see_drafts(actor)) {
    throw NotFound("policy.not_found", "没有这个制度版本 / no such policy version");
  }
  return v;
}

std::optional<Version> PolicyService::in_force(const calendar::LocalDate& day) {
  return db_.read([&](soci::session& sql) { return store::in_force(sql, day); });
}

std::optional<Version> PolicyService::previous(const Version& v) {
  return db_.read([&](soci::session& sql) { return store::previous(sql, v); });
}

RuleBook PolicyService::rule_book(const Version& v) const { return checker_(v.text, file_name(v.id)).book; }

void PolicyService::acknowledge(const org::Actor& actor, long long id) {
  if (actor.user_id == 0) return;
  db_.write([&](soci::session& sql) {
    Version v = load(sql, id);
    if (v.status != Status::kPublished) {
      throw Conflict("policy.not_published", "只能确认已发布的制度 / only a published policy is acknowledged");
    }
    store::acknowledge(sql, id, actor.user_id, time_.now());
  });
}

std::vector<store::Acknowledgement> PolicyService::acknowledgements(const org::Actor& actor, long long id) {
  if (!may_see_drafts(actor)) require_drafter(actor);
  return db_.read([&](soci::session& sql) {
    load(sql, id);
    return store::acknowledgements(sql, id);
  });
}

std::vector<Version> PolicyService::unacknowledged(const org::Actor& actor) {
  if (actor.user_id == 0) return {};
  // Only what governs now or later: a new employee acknowledges the rules in force, not every past version.
  const calendar::LocalDate today = time_.today();
  return db_.read([&](soci::session& sql) {
    auto current = store::in_force(sql, today);
    std::vector<Version> out;
    for (auto& v : store::unacknowledged(sql, actor.user_id)) {
      if ((current && v.id == current->id) || today < v.effective_from) out.push_back(std::move(v));
    }
    return out;
  });
}

}  // namespace waihu::policy
