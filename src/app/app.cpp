#include "app/app.hpp"

#include <algorithm>
#include <filesystem>

#include "app/import_templates.hpp"
#include "audit/routes.hpp"
#include "calendar/routes.hpp"
#include "calls/routes.hpp"
#include "core/errors.hpp"
#include "crm/lead_signoff_routes.hpp"
#include "crm/routes.hpp"
#include "discipline/claim_routes.hpp"
#include "discipline/elimination_routes.hpp"
#include "discipline/meeting_routes.hpp"
#include "discipline/report_routes.hpp"
#include "discipline/request_routes.hpp"
#include "discipline/request_store.hpp"
#include "discipline/review_routes.hpp"
#include "discipline/routes.hpp"
#include "discipline/shortfall_routes.hpp"
#include "http/system_routes.hpp"
#include "http/upload.hpp"
#include "kpi/routes.hpp"
#include "org/routes.hpp"
#include "pay/routes.hpp"
#include "policy/routes.hpp"
#include "quota/rules.hpp"
#include "reporting/routes.hpp"
#include "sales/routes.hpp"

namespace waihu::app {

namespace {
db::DbUrl prepare(const Config& c) {
  std::filesystem::create_directories(c.data_dir);
  return db::parse_db_url(c.db_url, c.data_dir);
}
}  // namespace

App::App(const Config& c)
    : config(c),
      db(prepare(c), {.pool_size = c.pool_size, .statement_timeout_ms = c.statement_timeout_ms}),
      policies(db, time, checked),
      in_force(db, time),
      days(time,
           [this](const calendar::LocalDate& d) {
             PolicyVersion v = in_force.at(d);
             return kpi::store::Counting{v.version, v.policy->metrics.talk_minutes,
                                         kpi::worthy_call_results(v.policy->metrics)};
           }),
      audit(db, time),
      org(db, time),
      auth(db, clock, org),
      customers(db, clock, phones, org),
      importer(db, clock, phones, org),
      exporter(db, time, customers, org),
      follow_ups(db, time, customers),
      calls(db, time, phones, customers, org, follow_ups, effective_rule()),
      cdr_importer(db, clock, phones, customers, org, effective_rule()),
      deals(db, time, customers, org),
      deal_importer(db, time, phones, customers, org),
      timeline(db, org, customers, calls, follow_ups, deals, audit),
      sheets(db, time, org, metrics, customers,
             [this](const calendar::LocalDate& d) { return in_force.at(d).version; }),
      desk(time, sheets, customers,
           [this](long long user, const calendar::LocalDate& day, const kpi::store::Figures& f) {
             return quota_day(user, day, f);
           }),
      work_calendar(db, clock,
                    [this](const calendar::LocalDate& d) { return in_force.at(d).policy->header.working_days; }),
      overview(metrics, time, org),
      metrics(db, time, org,
              [this](const calendar::LocalDate& d) { return in_force.at(d).policy->header.week_starts_on; }),
      closer(db, time, [this](const calendar::LocalDate& d) { return day_rules(d); }),
      discipline(db, time, org, metrics, closer, [this](const calendar::LocalDate& d) { return day_rules(d); }),
      months(db, time, closer, [this](const calendar::LocalDate& d) { return day_rules(d); }),
      points(db, time, org, [this](const calendar::LocalDate& d) { return day_rules(d); }),
      requests(
          db, time, org, [this](const calendar::LocalDate& d) { return day_rules(d); }, c.data_dir),
      reports(db, time, org, metrics, [this](const calendar::LocalDate& d) { return day_rules(d); }),
      fabrications(db, time, org, days, [this](const calendar::LocalDate& d) { return day_rules(d); }),
      claims(db, time, org, [this](const calendar::LocalDate& d) { return day_rules(d); }),
      eliminations(db, time, org),
      shortfalls(db, time, org, days, [this](const calendar::LocalDate& d) { return day_rules(d); }),
      meetings(db, time, org, [this](const calendar::LocalDate& d) { return day_rules(d); }),
      reviews(db, time, org, metrics, [this](const calendar::LocalDate& d) { return day_rules(d); }),
      payroll(db, time, org, [this](const calendar::LocalDate& d) { return pay_rules(d); }),
      pay_inquiries(db, time, org),
      lead_signoffs(db, time, org, customers),
      idempotency(db, clock),
      web(http::find_web_root(c.web_dir)) {
  customers.keep_days(days);
  importer.keep_days(days);
  follow_ups.keep_days(days);
  calls.keep_days(days);
  cdr_importer.keep_days(days);
  deals.keep_days(days);
  deal_importer.keep_days(days);
  policies.on_published([this](const policy::Version& v) {
    in_force.reload();
    // The days the new version governs are counted by its rules from now on, the past ones included (up to a
    // year back: older figures stay as they were counted, `waihu metrics rebuild` redoes them on purpose).
    recount_since(v.effective_from);
  });
}

void App::recount_since(const calendar::LocalDate& from) {
  const calendar::LocalDate today = time.today();
  const calendar::LocalDate first = std::max(from, today.plus_days(-366));
  if (first <= today) db.write([&](soci::session& sql) { days.rebuild(sql, {first, today}); });
}

bool App::ensure_policy() {
  const long long versions = db.read([](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM policy_versions", soci::into(n);
    return n;
  });
  if (versions > 0) return false;
  policies.apply(org::system_actor(), PoliciesInForce::builtin_text(), "内置预设A / the built-in preset A");
  return true;
}

std::optional<std::vector<quota::QuotaResult>> App::quota_day(long long user_id, const calendar::LocalDate& day,
                                                              const kpi::store::Figures& figures) {
  const discipline::DayRules rules = day_rules(day);
  if (!rules.quotas) return std::nullopt;
  const org::User u = org.get_user(nullptr, user_id);
  const auto visits = db.read([&](soci::session& sql) { return discipline::store::visit_minutes_on(sql, day); });
  const long long out = visits.count(user_id) ? visits.at(user_id) : 0;
  return quota::judge_person_day(*rules.quotas, u.hired_on, u.prior_months, day, kpi::store::named(figures),
                                 discipline::time_out(rules, out))
      .results;
}

pay::PayRules App::pay_rules(const calendar::LocalDate& last_day) {
  return pay_rules_of(in_force.at(last_day), last_day);
}

pay::PayRules App::draft_pay_rules(const org::Actor& actor, std::optional<long long> policy_id,
                                   const std::optional<std::string>& text, const calendar::Month& month) {
  std::string body = text.value_or("");
  if (policy_id) body = policies.get(actor, *policy_id).text;
  if (body.size() > 1024 * 1024) throw BadRequest::field("policy_text", "制度文件不能超过 1 MB / at most 1 MB");
  const std::string file = policy_id ? "v" + std::to_string(*policy_id) + ".toml" : "draft.toml";
  PolicyCheck c = check_policy(body, file);
  if (!c.policy) policy::refuse_invalid(c.problems, policy_id ? "policy_id" : "policy_text");
  return pay_rules_of({policy_id.value_or(0), std::make_shared<const CompanyPolicy>(std::move(*c.policy))},
                      month.last());
}

pay::PayRules App::pay_rules_of(const PolicyVersion& v, const calendar::LocalDate& last_day) {
  pay::PayRules r{v.policy, v.policy->pay ? &*v.policy->pay : nullptr, v.version, 2175};
  if (const auto* resign = v.policy->resignation ? &*v.policy->resignation : nullptr)
    r.final_pay = pay::FinalPayRule{resign->short_notice_no_pay, resign->first_month_days};
  if (r.pay && r.pay->partial_month == pay::PartialMonth::kWorkingDays)
    r.calendar = std::make_shared<const calendar::WorkCalendar>(
        work_calendar.work_calendar(calendar::Month::of(last_day).period()));
  // A day's base for absences, as [attendance] states it (÷21.75 without one).
  if (const auto* a = v.policy->attendance ? &*v.policy->attendance : nullptr) {
    switch (a->day_base) {
      case discipline::DayBase::kMonthOver21_75:
        r.day_divisor_hundredths = 2175;
        break;
      case discipline::DayBase::kMonthOver22:
        r.day_divisor_hundredths = 2200;
        break;
      case discipline::DayBase::kMonthOver30:
        r.day_divisor_hundredths = 3000;
        break;
      case discipline::DayBase::kMonthOverWorkingDays: {
        const calendar::Month m = calendar::Month::of(last_day);
        const auto cal = work_calendar.work_calendar(m.period());
        long long days = 0;
        for (auto d = m.first(); d <= m.last(); d = d.plus_days(1)) days += cal.is_working(d) ? 1 : 0;
        r.day_divisor_hundredths = std::max(1LL, days) * 100;
        break;
      }
    }
  }
  return r;
}

discipline::DayRules App::day_rules(const calendar::LocalDate& day) {
  const PolicyVersion v = in_force.at(day);
  discipline::DayRules r;
  r.policy_version = v.version;
  r.keep = v.policy;
  r.quotas = v.policy->quotas ? &*v.policy->quotas : nullptr;
  r.attendance = v.policy->attendance ? &*v.policy->attendance : nullptr;
  r.points = v.policy->points ? &*v.policy->points : nullptr;
  r.leave = v.policy->leave ? &*v.policy->leave : nullptr;
  r.resignation = v.policy->resignation ? &*v.policy->resignation : nullptr;
  r.reports = v.policy->reports ? &*v.policy->reports : nullptr;
  r.fabrication = v.policy->fabrication ? &*v.policy->fabrication : nullptr;
  r.claims = v.policy->claims ? &*v.policy->claims : nullptr;
  r.elimination = v.policy->elimination ? &*v.policy->elimination : nullptr;
  r.meetings = v.policy->meetings ? &*v.policy->meetings : nullptr;
  r.week_start = v.policy->header.week_starts_on;
  r.workday_start = v.policy->header.workday_start;
  r.workday_end = v.policy->header.workday_end;
  r.working_day = work_calendar.work_calendar({day, day}).is_working(day);
  return r;
}

calls::EffectiveRuleAt App::effective_rule() {
  return [this](long long at) { return in_force.at(time.date_at(at)).policy->effective_call; };
}

void App::register_routes(http::Router& router) {
  router.set_time(time);
  router.set_authenticator([this](const std::string& token) { return auth.authenticate(token); });
  router.set_idempotency(&idempotency);
  http::register_system_routes(
      router,
      [this] {
        return db.read([](soci::session& sql) {
          long long v = 0;
          sql << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", soci::into(v);
          return static_cast<int>(v);
        });
      },
      web);
  org::register_routes(router, org, auth);
  http::register_upload_routes(router, config.data_dir);
  crm::register_routes(router, {customers, importer, exporter, config.data_dir});
  crm::register_lead_signoff_routes(router, lead_signoffs);
  calls::register_routes(router, config.data_dir, calls, cdr_importer, follow_ups);
  sales::register_routes(router, config.data_dir, deals, deal_importer);
  audit::register_routes(router, config.data_dir, audit);
  reporting::register_routes(router, config.data_dir, timeline, desk, overview, sheets);
  register_template_routes(router, config.data_dir);
  calendar::register_routes(router, work_calendar);
  policy::register_routes(router, policies);
  discipline::register_routes(router, discipline, closer, months, points, fabrications);
  discipline::register_request_routes(router, requests);
  discipline::register_report_routes(router, reports);
  discipline::register_claim_routes(router, claims);
  discipline::register_elimination_routes(router, eliminations);
  discipline::register_shortfall_routes(router, shortfalls);
  discipline::register_meeting_routes(router, meetings);
  discipline::register_review_routes(router, reviews);
  pay::register_pay_routes(
      router, payroll, pay_inquiries,
      [this](const org::Actor& a, std::optional<long long> id, const std::optional<std::string>& text,
             const calendar::Month& m) { return draft_pay_rules(a, id, text, m); },
      config.data_dir);
  kpi::register_routes(router, metrics, [this](const calendar::LocalDate& d) { return in_force.at(d).version; });
}

}  // namespace waihu::app
