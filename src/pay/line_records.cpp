// PayrollService::line_records: the records behind one statement line, one click from the line (issue 16).
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "pay/service.hpp"

namespace waihu::pay {

namespace {
// The kinds of record a line's sources name, in the order a page runs through them.
const std::vector<std::string> kKinds = {"deals",      "payments",  "entries",       "duplicate_claims",
                                         "statements", "inquiries", "lead_signoffs", "requests"};
}  // namespace

LineRecords PayrollService::line_records(const org::Actor& actor, long long statement_id, long long position,
                                         const std::string& cursor, int limit) {
  // The cursor is where the page starts among the line's records (they never change: a line stores its ids).
  long long offset = 0;
  if (!cursor.empty()) {
    const bool digits = cursor.size() < 10 && cursor.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) throw BadRequest::field("cursor", "无效的分页位置 / not a cursor this list gave");
    offset = std::stoll(cursor);
  }
  const store::StatementRow s = readable_statement(actor, statement_id, {{"line", position}});
  if (static_cast<size_t>(position) > s.lines.size())
    throw NotFound("statement.line_not_found", "工资单没有这一行 / the statement has no such line",
                   {{"position", position}});
  const store::StoredLine& line = s.lines[static_cast<size_t>(position - 1)];
  const auto sources = nlohmann::json::parse(line.sources, nullptr, false);

  LineRecords out;
  out.statement_id = statement_id;
  out.position = position;
  out.code = line.line.code;
  out.rule = line.line.rule;
  // The page's slice of the ids, kind by kind.
  std::map<std::string, std::vector<long long>> page;
  long long at = 0;
  for (const auto& kind : kKinds) {
    if (!sources.is_object() || !sources.contains(kind) || !sources[kind].is_array()) continue;
    for (const auto& id : sources[kind]) {
      if (at >= offset && at < offset + limit) page[kind].push_back(id.get<long long>());
      ++at;
    }
  }
  out.total = at;
  if (offset + limit < at) out.next_cursor = std::to_string(offset + limit);
  db_.read([&](soci::session& sql) {
    if (page.count("deals")) out.deals = store::deals_by_id(sql, page["deals"]);
    if (page.count("payments")) out.payments = store::payments_by_id(sql, page["payments"]);
    if (page.count("entries")) out.entries = store::entries_by_id(sql, page["entries"]);
    if (page.count("duplicate_claims")) out.duplicate_claims = store::claims_by_id(sql, page["duplicate_claims"]);
    if (page.count("statements")) out.statements = store::statements_by_id(sql, s.user_id, page["statements"]);
    if (page.count("inquiries")) out.inquiries = store::inquiries_by_id(sql, s.user_id, page["inquiries"]);
    if (page.count("lead_signoffs")) out.lead_signoffs = store::leads_by_id(sql, s.user_id, page["lead_signoffs"]);
    if (page.count("requests")) out.requests = store::requests_by_id(sql, s.user_id, page["requests"]);
  });
  return out;
}

}  // namespace waihu::pay
