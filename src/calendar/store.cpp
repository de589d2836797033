#include "calendar/store.hpp"

#include "db/query.hpp"

namespace waihu::calendar::store {

namespace {
MarkedDay from_row(const db::Row& r) {
  return {*LocalDate::parse(r.str(0)), r.str(1) == "makeup" ? DayKind::kMakeup : DayKind::kHoliday, r.str(2)};
}
}  // namespace

std::vector<MarkedDay> marked_days(soci::session& sql, const Period& p) {
  db::Query q;
  q << "SELECT day, kind, name FROM calendar_days WHERE day >= " << q.bind(p.from.str())
    << " AND day <= " << q.bind(p.to.str()) << " ORDER BY day";
  std::vector<MarkedDay> out;
  for (const auto& r : q.fetch(sql, 3)) out.push_back(from_row(r));
  return out;
}

std::optional<MarkedDay> marked_day(soci::session& sql, const LocalDate& d) {
  db::Query q;
  q << "SELECT day, kind, name FROM calendar_days WHERE day = " << q.bind(d.str());
  auto r = q.fetch_one(sql, 3);
  if (!r) return std::nullopt;
  return from_row(*r);
}

void put_day(soci::session& sql, const MarkedDay& d, std::optional<long long> by, long long now) {
  db::Query q;
  q << "INSERT INTO calendar_days (day, kind, name, updated_by, updated_at) VALUES (" << q.bind(d.day.str()) << ", "
    << q.bind(std::string(d.kind == DayKind::kMakeup ? "makeup" : "holiday")) << ", " << q.bind(d.name) << ", "
    << (by ? q.bind(*by) : "NULL") << ", " << q.bind(now)
    << ") ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, "
       "updated_by = excluded.updated_by, updated_at = excluded.updated_at";
  q.exec(sql);
}

void delete_day(soci::session& sql, const LocalDate& d) {
  db::Query q;
  q << "DELETE FROM calendar_days WHERE day = " << q.bind(d.str());
  q.exec(sql);
}

}  // namespace waihu::calendar::store
