#include "reporting/daily_sheets.hpp"

#include <algorithm>
#include <unordered_map>

#include "audit/service.hpp"
#include "calls/model.hpp"
#include "core/errors.hpp"
#include "crm/rules.hpp"
#include "db/keyset.hpp"
#include "org/rules.hpp"
#include "reporting/daily_sheets_store.hpp"
#include "util/clock.hpp"

namespace waihu::reporting {

namespace {
using kpi::store::metric_index;
using util::Cell;

void check_export_right(const org::Actor& actor) {
  if (!org::has_right(actor.role, org::Right::kExportCustomers)) {
    throw Forbidden("auth.forbidden", "无权导出日报表 / you may not export the daily sheets");
  }
}
}  // namespace

struct DailySheetService::Selection {
  store::CallSelection calls;
  std::vector<org::Team> teams;
};

DailySheetService::Selection DailySheetService::select(const org::Actor& actor, const SheetQuery& q) {
  Selection s;
  const calendar::Bounds bounds = time_.bounds(q.day);
  s.calls.from = bounds.from;
  s.calls.to = bounds.to;
  s.calls.scope = org::scope_filter(actor);
  s.calls.agent_id = q.agent_id;
  s.teams = org_.list_teams();
  if (q.team_id) s.calls.team_ids = metrics_.team_within_scope(actor, *q.team_id, s.teams);
  return s;
}

SalesSheet DailySheetService::sales(const org::Actor& actor, const SheetQuery& q) {
  Selection s = select(actor, q);
  SalesSheet out;
  out.day = q.day;
  out.policy_version = version_at_ ? version_at_(q.day) : 0;
  const kpi::Metrics figures = metrics_.by_agent(actor, {q.day, q.day}, q.team_id, q.agent_id);
  auto first_last = db_.read([&](soci::session& sql) { return store::first_last_calls(sql, s.calls); });
  std::unordered_map<long long, std::string> team_names;
  for (const auto& t : s.teams) team_names[t.id] = t.name;

  // Everyone who logs calls in the scope (those without a call are what a supervisor looks for), then anyone
  // whose records the figures hold (a disabled agent's calls still count).
  std::unordered_map<long long, SalesSheetRow> rows;
  org::UserListFilter people;
  people.team_id = q.team_id;
  const bool own_only = org::data_scope(actor.role) == org::Scope::kOwn;
  std::string cursor;
  do {
    auto page = org_.list_users(&actor, people, cursor, kMaxPageSize);
    for (const auto& u : page.items) {
      if (own_only && u.id != actor.user_id) continue;
      if (q.agent_id && u.id != *q.agent_id) continue;
      if (u.disabled || !org::has_right(u.role, org::Right::kLogCalls)) continue;
      rows[u.id] = {u.id, u.display_name, u.username, u.team_id, "", {}, {}, {}};
    }
    cursor = page.next_cursor.value_or("");
  } while (!cursor.empty());
  for (const auto& r : figures.rows) {
    SalesSheetRow& row = rows[r.id];
    row = {r.id, r.name, r.username, r.team_id, "", r.figures, {}, {}};
  }
  for (auto& [id, row] : rows) {
    row.team_name = team_names[row.team_id];
    if (auto it = first_last.find(id); it != first_last.end()) {
      row.first_call_at = it->second.first;
      row.last_call_at = it->second.second;
      out.first_call_at = std::min(out.first_call_at.value_or(it->second.first), it->second.first);
      out.last_call_at = std::max(out.last_call_at.value_or(it->second.second), it->second.second);
    }
    out.rows.push_back(std::move(row));
  }
  static const size_t dials = metric_index("dials");
  std::sort(out.rows.begin(), out.rows.end(), [](const SalesSheetRow& a, const SalesSheetRow& b) {
    if (a.figures[dials] != b.figures[dials]) return a.figures[dials] > b.figures[dials];
    return a.agent_id < b.agent_id;
  });
  out.total = figures.total;
  return out;
}

Page<CustomerSheetRow> DailySheetService::customers(const org::Actor& actor, const SheetQuery& q,
                                                    const std::string& cursor, int limit) {
  Selection s = select(actor, q);
  const auto after = db::cursor_param(cursor);
  auto found = db_.read([&](soci::session& sql) { return store::customer_days(sql, s.calls, after, limit); });
  std::vector<long long> agents, ids;
  for (const auto& d : found) {
    agents.push_back(d.agent_id);
    ids.push_back(d.customer_id);
  }
  const auto names = org_.people_names(agents);
  const auto visible = customers_.phones_visible_among(actor, ids);
  std::vector<CustomerSheetRow> rows;
  for (auto& d : found) {
    CustomerSheetRow r;
    r.agent_id = d.agent_id;
    if (auto it = names.find(d.agent_id); it != names.end()) r.agent_name = it->second.display_name;
    r.customer_id = d.customer_id;
    r.company = std::move(d.company);
    r.contact_name = std::move(d.contact_name);
    r.title = std::move(d.title);
    r.phone = visible.count(d.customer_id) ? d.phone : crm::mask_phone(d.phone);
    r.it_status = std::move(d.it_status);
    r.grade = std::move(d.grade);
    r.last_result = std::move(d.last_result);
    r.headcount = d.headcount;
    r.calls = d.calls;
    r.connects = d.connects;
    r.effective = d.effective;
    r.talk_seconds = d.talk_seconds;
    r.first_call_at = d.first_call_at;
    r.last_call_at = d.last_call_at;
    r.found_today = d.created_by == d.agent_id && d.created_at >= s.calls.from && d.created_at < s.calls.to;
    rows.push_back(std::move(r));
  }
  return db::page_of(std::move(rows), limit, [](const CustomerSheetRow& r) {
    return db::Cursor{std::to_string(r.agent_id), r.customer_id};
  });
}

void DailySheetService::audit_export(const org::Actor& actor, const char* entity, const SheetQuery& q, long long rows,
                                     const util::SheetTarget& target) {
  nlohmann::json filter{{"day", q.day.str()}};
  if (q.team_id) filter["team_id"] = *q.team_id;
  if (q.agent_id) filter["agent_id"] = *q.agent_id;
  db_.write([&](soci::session& sql) {
    audit::record_export(sql, time_.now(), org::audit_actor(actor), entity, filter, rows,
                         util::sheet_format_name(target.format));
  });
}

long long DailySheetService::export_sales(const org::Actor& actor, const SheetQuery& q,
                                          const util::SheetTarget& target) {
  check_export_right(actor);
  const SalesSheet sheet = sales(actor, q);
  auto file = util::open_sheet(target, {"电话销售日报表", "Daily calling sheet"});
  file->row(util::header_row({{"日期", "Date"},
                              {"坐席", "Agent"},
                              {"用户名", "Username"},
                              {"班组", "Team"},
                              {"首次通话", "First call"},
                              {"末次通话", "Last call"},
                              {"外呼数", "Dials"},
                              {"接通数", "Connects"},
                              {"有效通话", "Effective calls"},
                              {"通话分钟", "Talk minutes"},
                              {"传真", "Faxes"},
                              {"跟进", "Follow-ups"},
                              {"可持续跟进客户", "Worth following"},
                              {"新开发客户", "New customers"},
                              {"A类", "Grade A"},
                              {"B类", "Grade B"},
                              {"C类", "Grade C"},
                              {"D类", "Grade D"},
                              {"成交", "Deals"},
                              {"成交金额(元)", "Revenue (yuan)"},
                              {"回款(元)", "Payments (yuan)"},
                              {"退款(元)", "Refunds (yuan)"}},
                             target.lang));
  auto time_or_blank = [&](const std::optional<long long>& t) {
    return t ? Cell::wall_time(time_.wall_seconds(*t)) : Cell::blank();
  };
  auto line = [&](const std::string& name, const std::string& username, const std::string& team,
                  const kpi::store::Figures& f, const std::optional<long long>& first,
                  const std::optional<long long>& last) {
    std::vector<Cell> cells{Cell::date(q.day.str()), name, username, team, time_or_blank(first), time_or_blank(last)};
    for (const char* m :
         {"dials", "connects", "effective_calls", "talk_minutes", "faxes", "follow_ups", "follow_up_worthy",
          "new_customers", "new_customers_a", "new_customers_b", "new_customers_c", "new_customers_d", "deals"})
      cells.push_back(Cell::integer(f[metric_index(m)]));
    for (const char* m : {"revenue_fen", "payments_fen", "refunds_fen"}) cells.push_back(Cell::fen(f[metric_index(m)]));
    file->row(cells);
  };
  for (const auto& r : sheet.rows)
    line(r.agent_name, r.username, r.team_name, r.figures, r.first_call_at, r.last_call_at);
  line(target.lang == util::Lang::kZh ? "合计" : "Total", "", "", sheet.total, sheet.first_call_at, sheet.last_call_at);
  file->close();
  const auto rows = static_cast<long long>(sheet.rows.size());
  audit_export(actor, "daily_sales_sheet", q, rows, target);
  return rows;
}

long long DailySheetService::export_customers(const org::Actor& actor, const SheetQuery& q,
                                              const util::SheetTarget& target) {
  check_export_right(actor);
  auto file = util::open_sheet(target, {"客户记录日报表", "Daily customer sheet"});
  file->row(util::header_row({{"日期", "Date"},
                              {"坐席", "Agent"},
                              {"客户名称", "Company"},
                              {"联系人", "Contact"},
                              {"部门职务", "Department / title"},
                              {"电话", "Phone"},
                              {"人数", "Headcount"},
                              {"信息化现状", "IT status"},
                              {"等级", "Grade"},
                              {"当日新开发", "Found today"},
                              {"通话次数", "Calls"},
                              {"接通", "Connects"},
                              {"有效通话", "Effective calls"},
                              {"通话时长(秒)", "Talk (s)"},
                              {"首次通话", "First call"},
                              {"末次通话", "Last call"},
                              {"最后结果", "Last result"}},
                             target.lang));
  const bool zh = target.lang == util::Lang::kZh;
  long long rows = 0;
  std::string cursor;
  do {
    auto page = customers(actor, q, cursor, kMaxPageSize);
    for (const auto& r : page.items) {
      auto result = calls::parse_call_result(r.last_result);
      file->row({Cell::date(q.day.str()), r.agent_name, r.company, r.contact_name, r.title, r.phone,
                 r.headcount ? Cell::integer(*r.headcount) : Cell::blank(), r.it_status, r.grade,
                 r.found_today ? (zh ? "是" : "yes") : "", Cell::integer(r.calls), Cell::integer(r.connects),
                 Cell::integer(r.effective), Cell::integer(r.talk_seconds),
                 Cell::wall_time(time_.wall_seconds(r.first_call_at)),
                 Cell::wall_time(time_.wall_seconds(r.last_call_at)),
                 result ? std::string(calls::call_result_label(*result).in(target.lang)) : r.last_result});
      ++rows;
    }
    cursor = page.next_cursor.value_or("");
  } while (!cursor.empty());
  file->close();
  audit_export(actor, "daily_customer_sheet", q, rows, target);
  return rows;
}

}  // namespace waihu::reporting
