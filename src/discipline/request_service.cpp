#include "discipline/request_service.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/errors.hpp"
#include "db/keyset.hpp"
#include "discipline/request_rules.hpp"
#include "org/rules.hpp"
#include "util/strings.hpp"

namespace waihu::discipline {

namespace {
constexpr size_t kMaxCertificate = 10u << 20;
const std::initializer_list<std::string_view> kKinds = {"personal", "sick", "overtime", "visit", "resignation"};
// Overtime and customer visits are asked for one day and a number of minutes.
bool timed(const std::string& kind) { return kind == "overtime" || kind == "visit"; }
bool is_leave(const std::string& kind) { return kind == "personal" || kind == "sick"; }

// What a certificate is, by its first bytes (never by the name a client sends).
std::optional<std::pair<std::string, std::string>> sniff(const std::string& b) {
  if (b.size() >= 3 && b.compare(0, 3, "\xFF\xD8\xFF") == 0) return std::pair{"image/jpeg", "jpg"};
  if (b.size() >= 8 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return std::pair{"image/png", "png"};
  if (b.size() >= 5 && b.compare(0, 5, "%PDF-") == 0) return std::pair{"application/pdf", "pdf"};
  return std::nullopt;
}

void need_right(const org::Actor& actor) {
  if (!org::has_right(actor.role, org::Right::kApproveRequests))
    throw Forbidden("forbidden", "审批申请需要主管及以上权限 / approving requests is for supervisors and above");
}
}  // namespace

RequestView RequestService::view(const store::StaffRequest& r) {
  RequestView v{r, org_.get_user(nullptr, r.user_id).display_name, "", ""};
  if (r.decided_by) v.decided_by_name = org_.get_user(nullptr, *r.decided_by).display_name;
  const DayRules rules = rules_(r.from);
  if (is_leave(r.kind)) {
    store::StaffRequest as_if = r;
    if (r.state == "pending") {  // what approving it now would come to
      as_if.state = "approved";
      as_if.decided_at = time_.now();
    }
    v.verdict = std::string(leave_verdict_name(leave_verdict(as_if, rules, time_)));
  } else if (r.kind == "resignation" && rules.resignation) {
    const org::User u = org_.get_user(nullptr, r.user_id);
    v.verdict = r.outcome.value_or(std::string(resignation_outcome_name(judge_resignation(
        *rules.resignation, time_.date_at(r.requested_at), r.to, calendar::LocalDate::parse(u.hired_on)))));
  }
  return v;
}

RequestView RequestService::create(const org::Actor& actor, const NewRequest& in) {
  if (std::find(kKinds.begin(), kKinds.end(), in.kind) == kKinds.end())
    throw BadRequest::field(
        "kind",
        "应为 personal、sick、overtime、visit 或 resignation / must be personal, sick, overtime, visit or resignation");
  const calendar::LocalDate today = time_.today();
  if (in.from < today) throw BadRequest::field("from", "不能是过去的日子 / not a day gone by");
  if (in.to < in.from) throw BadRequest::field("to", "早于开始日 / before the first day");
  if (in.to.days() - in.from.days() > 90) throw BadRequest::field("to", "一次最多 90 天 / at most 90 days at once");
  if (util::trim(in.reason).empty()) throw BadRequest::field("reason", "必填 / required", "validation.required");
  if (in.reason.size() > 2000) throw BadRequest::field("reason", "太长 / too long");
  const DayRules rules = rules_(in.from);
  if (is_leave(in.kind)) {
    if (!rules.leave ||
        std::find(rules.leave->kinds.begin(), rules.leave->kinds.end(), in.kind) == rules.leave->kinds.end())
      throw BadRequest::field("kind", "现行制度不设这种假 / the policy in force has no such leave");
  }
  if (timed(in.kind)) {
    if (!(in.from == in.to))
      throw BadRequest::field("to", "加班、外出拜访按天申请 / overtime and visits are asked for one day");
    if (in.minutes < 1 || in.minutes > 720) throw BadRequest::field("minutes", "1–720 分钟 / 1 to 720 minutes");
  } else if (in.minutes != 0) {
    throw BadRequest::field("minutes", "只用于加班和外出拜访 / for overtime and visits only");
  }
  if (in.kind == "resignation" && !(in.from == in.to))
    throw BadRequest::field("to", "离职只填最后工作日 / a resignation names the last day only");
  store::StaffRequest r;
  r.user_id = actor.user_id;
  r.kind = in.kind;
  r.from = in.from;
  r.to = in.to;
  r.minutes = in.minutes;
  r.reason = in.reason;
  r.requested_at = time_.now();
  const long long id = db_.write([&](soci::session& sql) { return store::add_request(sql, r); });
  return get(actor, id);
}

store::StaffRequest RequestService::visible(const org::Actor& actor, long long id) {
  auto r = db_.read([&](soci::session& sql) { return store::request(sql, id); });
  const bool may = r && (r->user_id == actor.user_id || (org::has_right(actor.role, org::Right::kApproveRequests) &&
                                                         org_.sees_records_of(actor, r->user_id)));
  if (!may) throw NotFound("request.not_found", "申请不存在 / no such request");
  return *r;
}

RequestView RequestService::get(const org::Actor& actor, long long id) { return view(visible(actor, id)); }

RequestView RequestService::cancel(const org::Actor& actor, long long id) {
  const store::StaffRequest r = visible(actor, id);
  if (r.user_id != actor.user_id) throw NotFound("request.not_found", "申请不存在 / no such request");
  const bool done = db_.write([&](soci::session& sql) {
    return store::decide_request(sql, id, "cancelled", "", std::nullopt, time_.now(), std::nullopt);
  });
  if (!done) throw Conflict("request.decided", "申请已处理，不能撤回 / the request is decided");
  return get(actor, id);
}

RequestView RequestService::decide(const org::Actor& actor, long long id, bool approve, const std::string& note) {
  need_right(actor);
  const store::StaffRequest r = visible(actor, id);
  if (r.user_id == actor.user_id)
    throw RuleViolation("request.own", "不能审批自己的申请 / nobody approves their own request");
  if (!approve && util::trim(note).empty())
    throw BadRequest::field("note", "驳回须写明原因 / say why", "validation.required");
  if (note.size() > 2000) throw BadRequest::field("note", "太长 / too long");
  std::optional<std::string> outcome;
  const DayRules rules = rules_(r.to);
  if (approve && r.kind == "resignation" && rules.resignation) {
    const org::User u = org_.get_user(nullptr, r.user_id);
    outcome = std::string(resignation_outcome_name(judge_resignation(*rules.resignation, time_.date_at(r.requested_at),
                                                                     r.to, calendar::LocalDate::parse(u.hired_on))));
  }
  const bool done = db_.write([&](soci::session& sql) {
    return store::decide_request(sql, id, approve ? "approved" : "rejected", note, actor.user_id, time_.now(), outcome);
  });
  if (!done) throw Conflict("request.decided", "申请已处理 / the request is decided");
  return get(actor, id);
}

RequestPage RequestService::list(const org::Actor& actor, bool mine, const std::optional<std::string>& state,
                                 const std::string& cursor, int limit) {
  store::RequestFilter f;
  f.state = state;
  if (mine) {
    f.users = {actor.user_id};
  } else {
    need_right(actor);
    for (const auto& u : org_.users_in_scope(actor))
      if (u.id != actor.user_id) f.users.push_back(u.id);
    f.except_user = actor.user_id;
    if (f.users.empty()) return {};
  }
  std::optional<long long> before;
  if (!cursor.empty())
    if (auto c = db::cursor_param(cursor)) before = c->id;
  auto page = db::page_of(db_.read([&](soci::session& sql) { return store::requests(sql, f, before, limit + 1); }),
                          limit, [](const store::StaffRequest& r) {
                            return db::Cursor{"", r.id};
                          });
  RequestPage out;
  out.next_cursor = page.next_cursor;
  for (const auto& r : page.items) out.items.push_back(view(r));
  return out;
}

RequestView RequestService::attach_certificate(const org::Actor& actor, long long id, const std::string& bytes,
                                               const std::string& filename) {
  const store::StaffRequest r = visible(actor, id);
  if (r.user_id != actor.user_id) throw NotFound("request.not_found", "申请不存在 / no such request");
  if (r.kind != "sick")
    throw RuleViolation("request.no_certificate", "只有病假需要证明 / certificates are for sick leave");
  if (r.state == "rejected" || r.state == "cancelled")
    throw RuleViolation("request.closed", "申请已驳回或撤回 / the request was rejected or withdrawn");
  if (bytes.empty()) throw BadRequest::field("file", "文件是空的 / the file is empty");
  if (bytes.size() > kMaxCertificate)
    throw PayloadTooLarge("http.body_too_large", "证明文件最大 10 MB / at most 10 MB");
  auto type = sniff(bytes);
  if (!type) throw BadRequest::field("file", "只接受 JPEG、PNG 或 PDF / JPEG, PNG or PDF only");
  const auto dir = std::filesystem::path(data_dir_) / "certificates";
  std::filesystem::create_directories(dir);
  std::random_device rd;
  const std::string file = std::to_string(id) + "-" + std::to_string(rd()) + std::to_string(rd()) + "." + type->second;
  {
    std::ofstream out(dir / file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("certificate not written");
  }
  std::string name = filename.empty() ? "certificate." + type->second : filename.substr(0, 200);
  db_.write([&](soci::session& sql) {
    store::set_certificate(sql, id, name, type->first, file, static_cast<long long>(bytes.size()));
  });
  if (r.certificate_file) {  // the one it replaces
    std::error_code ignored;
    std::filesystem::remove(dir / *r.certificate_file, ignored);
  }
  return get(actor, id);
}

Certificate RequestService::certificate(const org::Actor& actor, long long id) {
  const store::StaffRequest r = visible(actor, id);
  if (!r.certificate_file) throw NotFound("certificate.not_found", "没有上传证明 / no certificate uploaded");
  return {(std::filesystem::path(data_dir_) / "certificates" / *r.certificate_file).string(),
          r.certificate_name.value_or("certificate"), r.certificate_type.value_or("application/octet-stream")};
}

}  // namespace waihu::discipline
