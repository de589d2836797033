#include "calls/activity_service.hpp"

#include <algorithm>

#include "audit/service.hpp"
#include "calls/activity_store.hpp"
#include "core/errors.hpp"
#include "org/rules.hpp"

namespace waihu::calls {

Activity ActivityService::activity(const org::Actor& actor, const ActivityQuery& query) {
  Activity out;
  // Without a period: today; with only a start: the company day that starts it.
  const calendar::Bounds today = time_.bounds(time_.today());
  out.from = query.from.value_or(today.from);
  out.to = query.to.value_or(query.from ? time_.bounds(time_.date_at(out.from)).to : today.to);
  if (out.to <= out.from) throw BadRequest::field("to", "结束应晚于开始 / must be after the start");
  if (out.to - out.from > 366 * 86400) throw BadRequest::field("to", "最长一年 / at most a year");
  auto figures = db_.read([&](soci::session& sql) {
    return store::figures_by_agent(sql, out.from, out.to, org::scope_filter(actor), query.agent_id);
  });
  // The people: who may log calls in the scope (those without a call are what a supervisor looks for), then
  // anyone whose calls the figures hold.
  org::UserListFilter people;
  people.team_id = query.team_id;
  std::vector<org::User> users;
  std::string cursor;
  do {
    auto page = org_.list_users(&actor, people, cursor, kMaxPageSize);
    users.insert(users.end(), page.items.begin(), page.items.end());
    cursor = page.next_cursor.value_or("");
  } while (!cursor.empty());
  const bool own_only = org::data_scope(actor.role) == org::Scope::kOwn;
  for (const auto& u : users) {
    if (own_only && u.id != actor.user_id) continue;
    if (query.agent_id && u.id != *query.agent_id) continue;
    auto it = figures.find(u.id);
    const bool calls = it != figures.end();
    if (!calls && (u.disabled || !org::has_right(u.role, org::Right::kLogCalls))) continue;
    out.agents.push_back({u.id, u.display_name, u.username, u.team_id, calls ? it->second : CallFigures{}});
  }
  std::sort(out.agents.begin(), out.agents.end(), [](const AgentActivity& a, const AgentActivity& b) {
    if (a.figures.dials != b.figures.dials) return a.figures.dials > b.figures.dials;
    return a.agent_id < b.agent_id;
  });
  for (const auto& a : out.agents) add_figures(out.totals, a.figures);
  return out;
}

void ActivityService::export_sheet(const org::Actor& actor, const Activity& a, const util::SheetTarget& target) {
  if (!org::has_right(actor.role, org::Right::kExportCustomers)) {
    throw Forbidden("auth.forbidden", "无权导出通话统计 / you may not export call figures");
  }
  using util::Cell;
  auto sheet = util::open_sheet(target, {"坐席通话统计", "Calls by agent"});
  sheet->row(util::header_row({{"坐席", "Agent"},
                               {"用户名", "Username"},
                               {"外呼数", "Dials"},
                               {"接通数", "Connects"},
                               {"接通率(%)", "Connect rate (%)"},
                               {"有效通话", "Effective calls"},
                               {"通话时长(分钟)", "Talk time (min)"},
                               {"首次通话", "First call"},
                               {"末次通话", "Last call"}},
                              target.lang));
  auto time_or_blank = [&](const std::optional<long long>& t) {
    return t ? Cell::wall_time(time_.wall_seconds(*t)) : Cell::blank();
  };
  auto line = [&](const std::string& name, const std::string& username, const CallFigures& f) {
    sheet->row({name, username, Cell::integer(f.dials), Cell::integer(f.connects), Cell::hundredths(connect_rate_bp(f)),
                Cell::integer(f.effective), Cell::hundredths((f.talk_seconds * 100 + 30) / 60),
                time_or_blank(f.first_call_at), time_or_blank(f.last_call_at)});
  };
  for (const auto& agent : a.agents) line(agent.agent_name, agent.username, agent.figures);
  line(target.lang == util::Lang::kZh ? "合计" : "Total", "", a.totals);
  sheet->close();
  db_.write([&](soci::session& sql) {
    audit::record_export(sql, time_.now(), org::audit_actor(actor), "call_activity",
                         {{"from", util::format_iso_utc(a.from)}, {"to", util::format_iso_utc(a.to)}},
                         static_cast<long long>(a.agents.size()), util::sheet_format_name(target.format));
  });
}

}  // namespace waihu::calls
