#include "kpi/day_store.hpp"

#include <algorithm>

#include "db/query.hpp"
#include "org/scope_sql.hpp"

namespace waihu::kpi::store {

// A record marked fabricated (虚报) stays for the audit trail and counts in no figure.
constexpr const char* kCounted = " AND fabricated_at IS NULL";

size_t metric_index(std::string_view name) {
  return static_cast<size_t>(std::find(kMetricNames.begin(), kMetricNames.end(), name) - kMetricNames.begin());
}

std::map<std::string, long long> named(const Figures& f) {
  std::map<std::string, long long> out;
  for (size_t i = 0; i < kMetricNames.size(); ++i) out[std::string(kMetricNames[i])] = f[i];
  return out;
}

namespace {

struct GroupColumns {
  Group group;
  std::vector<std::string_view> metrics;
};
const std::vector<GroupColumns>& groups() {
  static const std::vector<GroupColumns> kGroups{
      {kCalls,
       {"dials", "connects", "effective_calls", "talk_seconds", "talk_minutes", "follow_up_worthy",
        "interested_customers"}},
      {kFollowUps, {"follow_ups", "faxes"}},
      {kCustomers, {"new_customers", "new_customers_a", "new_customers_b", "new_customers_c", "new_customers_d"}},
      {kDeals, {"deals", "revenue_fen"}},
      {kMoney, {"payments_fen", "refunds_fen"}},
  };
  return kGroups;
}

// Runs `q` (agent id first, then the named metrics) and adds its rows to `out`.
void collect(soci::session& sql, db::Query& q, const std::vector<std::string_view>& metrics,
             std::map<long long, Figures>& out) {
  for (const auto& r : q.fetch(sql, metrics.size() + 1)) {
    Figures& f = out.try_emplace(r.i64(0), Figures{}).first->second;
    for (size_t i = 0; i < metrics.size(); ++i) f[metric_index(metrics[i])] = r.is_null(i + 1) ? 0 : r.i64(i + 1);
  }
}

std::string in_list(db::Query& q, const std::vector<std::string>& values) {
  if (values.empty()) return "(NULL)";
  std::string out = "(";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + q.bind(values[i]);
  return out + ")";
}

}  // namespace

std::map<long long, Figures> recompute(soci::session& sql, const calendar::LocalDate& day, const calendar::Bounds& b,
                                       std::optional<long long> user_id, unsigned wanted, const Counting& counting) {
  std::map<long long, Figures> out;
  auto who = [&](db::Query& q, const char* column) {
    if (user_id) q << " AND " << column << " = " << q.bind(*user_id);
  };
  if (wanted & kCalls) {
    db::Query q;
    // Minutes: rounded per call (each started minute) or from the day's seconds, as the policy says.
    const std::string minutes = counting.talk_minutes == TalkRounding::kPerCallUp ? "SUM((talk_seconds + 59) / 60)"
                                : counting.talk_minutes == TalkRounding::kSumRoundUp
                                    ? "(CAST(SUM(talk_seconds) AS BIGINT) + 59) / 60"
                                    : "CAST(SUM(talk_seconds) AS BIGINT) / 60";
    q << "SELECT agent_id, COUNT(*), SUM(CASE WHEN answered_at IS NULL THEN 0 ELSE 1 END), SUM(effective), "
         "SUM(talk_seconds), "
      << minutes << ", COUNT(DISTINCT CASE WHEN result IN " << in_list(q, counting.worthy_results)
      << " THEN customer_id END), COUNT(DISTINCT CASE WHEN result IN " << in_list(q, interested_call_results())
      << " THEN customer_id END) FROM calls WHERE started_at >= " << q.bind(b.from) << " AND started_at < "
      << q.bind(b.to) << kCounted;
    who(q, "agent_id");
    q << " GROUP BY agent_id";
    collect(sql, q, groups()[0].metrics, out);
  }
  if (wanted & kFollowUps) {
    db::Query q;
    q << "SELECT agent_id, SUM(complete), SUM(counts_as_fax) FROM follow_ups WHERE at >= " << q.bind(b.from)
      << " AND at < " << q.bind(b.to) << kCounted;
    who(q, "agent_id");
    q << " GROUP BY agent_id";
    collect(sql, q, groups()[1].metrics, out);
  }
  if (wanted & kCustomers) {
    db::Query q;
    q << "SELECT created_by, COUNT(*), SUM(CASE WHEN created_grade = 'A' THEN 1 ELSE 0 END), "
         "SUM(CASE WHEN created_grade = 'B' THEN 1 ELSE 0 END), SUM(CASE WHEN created_grade = 'C' THEN 1 ELSE 0 END), "
         "SUM(CASE WHEN created_grade = 'D' THEN 1 ELSE 0 END) FROM customers WHERE created_by IS NOT NULL AND "
         "created_at >= "
      << q.bind(b.from) << " AND created_at < " << q.bind(b.to);
    who(q, "created_by");
    q << " GROUP BY created_by";
    collect(sql, q, groups()[2].metrics, out);
  }
  if (wanted & kDeals) {
    db::Query q;
    q << "SELECT agent_id, COUNT(*), SUM(amount_fen) FROM deals WHERE closed_on = " << q.bind(day.str());
    who(q, "agent_id");
    q << " GROUP BY agent_id";
    collect(sql, q, groups()[3].metrics, out);
  }
  if (wanted & kMoney) {
    db::Query q;
    q << "SELECT d.agent_id, SUM(CASE WHEN p.kind = 'refund' THEN 0 ELSE p.amount_fen END), "
         "SUM(CASE WHEN p.kind = 'refund' THEN p.amount_fen ELSE 0 END) FROM deal_payments p JOIN deals d ON d.id = "
         "p.deal_id WHERE p.on_date = "
      << q.bind(day.str());
    who(q, "d.agent_id");
    q << " GROUP BY d.agent_id";
    collect(sql, q, groups()[4].metrics, out);
  }
  return out;
}

bool add_call(soci::session& sql, long long user_id, const calendar::LocalDate& day, const CallDelta& d,
              const Counting& counting) {
  db::Query q;
  // SET expressions read the row as it was: the day's seconds before this call.
  const std::string t = q.bind(d.talk_seconds);
  q << "UPDATE agent_days SET dials = dials + 1, connects = connects + " << q.bind(d.answered ? 1LL : 0LL)
    << ", effective_calls = effective_calls + " << q.bind(d.effective ? 1LL : 0LL) << ", talk_seconds = talk_seconds + "
    << t << ", talk_minutes = ";
  if (counting.talk_minutes == TalkRounding::kPerCallUp) {
    q << "talk_minutes + " << q.bind((d.talk_seconds + 59) / 60);
  } else {
    q << "(talk_seconds + " << q.bind(d.talk_seconds)
      << (counting.talk_minutes == TalkRounding::kSumRoundUp ? " + 59) / 60" : ") / 60");
  }
  q << ", follow_up_worthy = follow_up_worthy + " << q.bind(d.worthy ? 1LL : 0LL)
    << ", interested_customers = interested_customers + " << q.bind(d.interested ? 1LL : 0LL)
    << " WHERE user_id = " << q.bind(user_id) << " AND day = " << q.bind(day.str())
    << " AND policy_version = " << q.bind(counting.policy_version);
  return q.exec_count(sql) > 0;
}

bool other_call_with_result(soci::session& sql, long long user_id, long long customer_id, long long call_id,
                            const calendar::Bounds& bounds, const std::vector<std::string>& results) {
  db::Query q;
  q << "SELECT 1 FROM calls WHERE customer_id = " << q.bind(customer_id) << " AND started_at >= " << q.bind(bounds.from)
    << " AND started_at < " << q.bind(bounds.to) << " AND agent_id = " << q.bind(user_id) << " AND id <> "
    << q.bind(call_id) << " AND result IN " << in_list(q, results) << kCounted << " LIMIT 1";
  return !q.fetch(sql, 1).empty();
}

void put(soci::session& sql, long long user_id, const calendar::LocalDate& day, const Figures& f, unsigned wanted,
         long long policy_version) {
  std::vector<std::string_view> columns;
  for (const auto& g : groups())
    if (wanted & g.group) columns.insert(columns.end(), g.metrics.begin(), g.metrics.end());
  db::Query q;
  q << "INSERT INTO agent_days (user_id, day, policy_version";
  for (auto c : columns) q << ", " << c;
  q << ") VALUES (" << q.bind(user_id) << ", " << q.bind(day.str()) << ", " << q.bind(policy_version);
  for (auto c : columns) q << ", " << q.bind(f[metric_index(c)]);
  q << ") ON CONFLICT (user_id, day) DO UPDATE SET policy_version = excluded.policy_version";
  for (auto c : columns) q << ", " << c << " = excluded." << c;
  q.exec(sql);
}

std::vector<StoredRow> stored(soci::session& sql, const calendar::Period& period, const std::vector<long long>& users) {
  db::Query q;
  q << "SELECT user_id, day, policy_version";
  for (auto m : kMetricNames) q << ", " << m;
  q << " FROM agent_days WHERE day >= " << q.bind(period.from.str()) << " AND day <= " << q.bind(period.to.str());
  if (!users.empty()) q << " AND user_id IN (" << q.bind_list(users) << ")";
  q << " ORDER BY day, user_id";
  std::vector<StoredRow> out;
  for (const auto& r : q.fetch(sql, 3 + kMetricNames.size())) {
    StoredRow row{r.i64(0), calendar::LocalDate::parse(r.str(1)).value_or(calendar::LocalDate{}), r.i64(2), {}};
    for (size_t i = 0; i < kMetricNames.size(); ++i) row.figures[i] = r.i64(3 + i);
    out.push_back(row);
  }
  return out;
}

void delete_period(soci::session& sql, const calendar::Period& period) {
  db::Query q;
  q << "DELETE FROM agent_days WHERE day >= " << q.bind(period.from.str()) << " AND day <= " << q.bind(period.to.str());
  q.exec(sql);
}

std::vector<AgentTotal> totals(soci::session& sql, const calendar::Period& period, const org::ScopeFilter& scope,
                               std::optional<long long> agent_id) {
  db::Query q;
  q << "SELECT a.user_id, u.team_id, u.display_name, u.username";
  for (auto m : kMetricNames) q << ", SUM(a." << m << ")";
  q << " FROM agent_days a JOIN users u ON u.id = a.user_id WHERE a.day >= " << q.bind(period.from.str())
    << " AND a.day <= " << q.bind(period.to.str()) << org::scope_sql(q, scope, {.user = "a.user_id"});
  if (agent_id) q << " AND a.user_id = " << q.bind(*agent_id);
  q << " GROUP BY a.user_id, u.team_id, u.display_name, u.username ORDER BY a.user_id";
  std::vector<AgentTotal> out;
  for (const auto& r : q.fetch(sql, 4 + kMetricNames.size())) {
    AgentTotal t{r.i64(0), r.i64(1), r.str(2), r.str(3), {}};
    for (size_t i = 0; i < kMetricNames.size(); ++i) t.figures[i] = r.is_null(4 + i) ? 0 : r.i64(4 + i);
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<DayTeamTotal> day_team_totals(soci::session& sql, const calendar::Period& period,
                                          const org::ScopeFilter& scope) {
  db::Query q;
  q << "SELECT a.day, u.team_id";
  for (auto m : kMetricNames) q << ", SUM(a." << m << ")";
  q << " FROM agent_days a JOIN users u ON u.id = a.user_id WHERE a.day >= " << q.bind(period.from.str())
    << " AND a.day <= " << q.bind(period.to.str()) << org::scope_sql(q, scope, {.user = "a.user_id"});
  q << " GROUP BY a.day, u.team_id ORDER BY a.day, u.team_id";
  std::vector<DayTeamTotal> out;
  for (const auto& r : q.fetch(sql, 2 + kMetricNames.size())) {
    DayTeamTotal t{calendar::LocalDate::parse(r.str(0)).value_or(calendar::LocalDate{}), r.i64(1), {}};
    for (size_t i = 0; i < kMetricNames.size(); ++i) t.figures[i] = r.is_null(2 + i) ? 0 : r.i64(2 + i);
    out.push_back(t);
  }
  return out;
}

}  // namespace waihu::kpi::store
