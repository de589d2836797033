#include "pay/inquiry_service.hpp"

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "db/keyset.hpp"
#include "org/rules.hpp"
#include "org/store.hpp"
#include "pay/store.hpp"
#include "util/strings.hpp"

namespace waihu::pay {

namespace {
std::string checked_text(const std::string& text, const char* field, bool required) {
  std::string t(util::trim(text));
  if (required && t.empty()) throw BadRequest::field(field, "请写明 / required", "validation.required");
  if (util::utf8_length(t) > 1000) throw BadRequest::field(field, "最多 1000 个字符 / at most 1000 characters");
  return t;
}
constexpr long long kMaxFen = 100'000'000'00LL;  // 100 million yuan: far beyond any month's pay
}  // namespace

InquiryView PayInquiries::raise(const org::Actor& actor, long long statement_id, std::optional<long long> line,
                                std::optional<long long> expected_fen, const std::string& reason) {
  const std::string text = checked_text(reason, "reason", true);
  if (expected_fen && (*expected_fen < -kMaxFen || *expected_fen > kMaxFen))
    throw BadRequest::field("expected_fen", "金额不合理 / out of range");
  const long long now = time_.now();
  store::InquiryRow row;
  db_.write([&](soci::session& sql) {
    const auto s = store::statement(sql, statement_id);
    // One's own statement only: another's is "not found", as reading it would be for most.
    if (!s || s->user_id != actor.user_id) throw NotFound("statement.not_found", "工资单不存在 / no such statement");
    row.user_id = s->user_id;
    row.month = s->month;
    if (line) {
      if (*line < 1 || *line > static_cast<long long>(s->lines.size()))
        throw BadRequest::field("line", "工资单没有这一行 / the statement has no such line");
      const Line& l = s->lines[static_cast<size_t>(*line - 1)].line;
      row.line_code = l.code;
      row.line_rule = l.rule;
      row.line_amount_fen = l.amount_fen;
    }
    row.expected_fen = expected_fen;
    row.reason = text;
    row.raised_at = now;
    row.id = store::add_inquiry(sql, row);
    audit::record(sql, {0,
                        now,
                        actor.user_id,
                        "pay_inquiry.raise",
                        "pay_inquiry",
                        row.id,
                        {},
                        {{"month", row.month}, {"line", row.line_rule}},
                        {{"reason", text}}});
  });
  return {row, org_.get_user(nullptr, actor.user_id).display_name};
}

Page<InquiryView> PayInquiries::list(const org::Actor& actor, const std::string& status, const std::string& cursor,
                                     int limit) {
  if (!status.empty() && status != "open" && status != "accepted" && status != "rejected")
    throw BadRequest::field("status", "应为 open、accepted 或 rejected / must be open, accepted or rejected");
  const auto after = db::cursor_param(cursor);
  std::vector<long long> users;
  std::map<long long, std::string> names;
  const bool own_only = org::data_scope(actor.role) == org::Scope::kOwn;
  for (const auto& u : org_.users_in_scope(actor)) {
    if (own_only && u.id != actor.user_id) continue;
    users.push_back(u.id);
    names[u.id] = u.display_name;
  }
  auto rows = db_.read([&](soci::session& sql) {
    return store::inquiries(sql, users, false, status, after ? after->id : 0, limit + 1);
  });
  auto page = db::page_of(std::move(rows), limit, [](const store::InquiryRow& r) { return db::Cursor{"", r.id}; });
  Page<InquiryView> out;
  out.next_cursor = page.next_cursor;
  for (auto& r : page.items) {
    std::string name = names[r.user_id];
    out.items.push_back({std::move(r), std::move(name)});
  }
  return out;
}

InquiryView PayInquiries::answer(const org::Actor& actor, long long id, const std::string& decision,
                                 const std::string& answer, std::optional<long long> adjustment_fen) {
  if (!org::has_right(actor.role, org::Right::kRunPayroll))
    throw Forbidden("forbidden", "工资疑问由经理或财务答复 / pay inquiries are answered by managers and finance");
  if (decision != "accepted" && decision != "rejected")
    throw BadRequest::field("decision", "应为 accepted 或 rejected / must be accepted or rejected");
  const std::string text = checked_text(answer, "answer", true);
  if (decision == "accepted" && (!adjustment_fen || *adjustment_fen == 0))
    throw BadRequest::field("adjustment_fen",
                            "接受时须写明调整金额（分，不为 0）/ an accepted inquiry needs its adjustment "
                            "in fen, not 0");
  if (decision == "rejected" && adjustment_fen)
    throw BadRequest::field("adjustment_fen", "驳回不带调整 / a rejected inquiry carries no adjustment");
  if (adjustment_fen && (*adjustment_fen < -kMaxFen || *adjustment_fen > kMaxFen))
    throw BadRequest::field("adjustment_fen", "金额不合理 / out of range");
  const auto found = db_.read([&](soci::session& sql) { return store::inquiry(sql, id); });
  if (!found || !org_.sees_records_of(actor, found->user_id))
    throw NotFound("pay_inquiry.not_found", "疑问不存在 / no such inquiry");
  const long long now = time_.now();
  db_.write([&](soci::session& sql) {
    if (!store::answer_inquiry(sql, id, decision, text, adjustment_fen, actor.user_id, now))
      throw Conflict("pay_inquiry.answered", "该疑问已答复 / the inquiry was answered already");
    audit::record(sql, {0,
                        now,
                        actor.user_id,
                        "pay_inquiry.answer",
                        "pay_inquiry",
                        id,
                        {{"status", "open"}},
                        {{"status", decision},
                         {"adjustment_fen", adjustment_fen ? nlohmann::json(*adjustment_fen) : nlohmann::json()}},
                        {{"answer", text}}});
  });
  auto row = *db_.read([&](soci::session& sql) { return store::inquiry(sql, id); });
  return {row, org_.get_user(nullptr, row.user_id).display_name};
}

}  // namespace waihu::pay
