#include "app/company_policy.hpp"

#include "calls/effective_call_section.hpp"
#include "discipline/attendance_section.hpp"
#include "discipline/claim_section.hpp"
#include "discipline/elimination_section.hpp"
#include "discipline/meeting_section.hpp"
#include "discipline/points_section.hpp"
#include "discipline/report_section.hpp"
#include "discipline/request_section.hpp"
#include "kpi/metrics_section.hpp"
#include "pay/section.hpp"
#include "quota/section.hpp"

namespace waihu::app {

namespace {

// Checks an example's `expect = { metric = N, … }` — a name that is no metric is a problem at its line — and, when
// the rules could run (`got`), compares each figure with what they computed.
void compare(const policy::Table& expect, const std::string& name, const std::map<std::string, long long>* got) {
  for (const auto& key : expect.keys()) {
    auto want = expect.integer(key, {});
    if (!kpi::is_metric(key)) {
      expect.problem(key, "unknown metric '" + key + "'");
      continue;
    }
    if (!got || !want) continue;
    const long long value = got->at(key);
    if (*want != value) {
      expect.problem(key, "example \"" + name + "\": " + key + " comes out " + std::to_string(value) +
                              ", the example expects " + std::to_string(*want));
    }
  }
}

int run_examples(const policy::Document& doc, const std::optional<CompanyPolicy>& p) {
  int run = 0;
  for (const auto& ex : doc.root().tables("example")) {
    auto of = ex.choice("of", {"agent_day", "quota_day", "attendance_day", "points_month", "report", "duplicate_claim",
                               "elimination_month", "pay_month"});
    auto name = ex.text("name").value_or("?");
    auto expect = ex.table("expect");
    if (!of) {
      for (const auto& k : ex.keys()) ex.accept(k);
      continue;
    }
    if (*of == "attendance_day") {
      const discipline::AttendancePolicy* attendance = p && p->attendance ? &*p->attendance : nullptr;
      if (p && !p->attendance) ex.problem("of", "the policy sets no [attendance] for this example to check");
      if (discipline::check_attendance_example(ex, attendance, p ? &p->header : nullptr)) ++run;
      continue;
    }
    if (*of == "points_month") {
      const discipline::PointsPolicy* points = p && p->points ? &*p->points : nullptr;
      if (p && !p->points) ex.problem("of", "the policy sets no [points] for this example to check");
      if (discipline::check_points_example(ex, points, p && p->attendance ? &*p->attendance : nullptr)) ++run;
      continue;
    }
    if (*of == "report") {
      const discipline::ReportsPolicy* reports = p && p->reports ? &*p->reports : nullptr;
      if (p && !p->reports) ex.problem("of", "the policy sets no [reports] for this example to check");
      if (discipline::check_report_example(ex, reports, p ? &p->header : nullptr)) ++run;
      continue;
    }
    if (*of == "duplicate_claim") {
      const discipline::ClaimPolicy* claims = p && p->claims ? &*p->claims : nullptr;
      if (p && !p->claims) ex.problem("of", "the policy sets no [duplicate_claims] for this example to check");
      if (discipline::check_claim_example(ex, claims)) ++run;
      continue;
    }
    if (*of == "elimination_month") {
      const discipline::EliminationPolicy* e = p && p->elimination ? &*p->elimination : nullptr;
      if (p && !p->elimination) ex.problem("of", "the policy sets no [elimination] for this example to check");
      if (discipline::check_elimination_example(ex, e)) ++run;
      continue;
    }
    if (*of == "pay_month") {
      const pay::PayPolicy* pay = p && p->pay ? &*p->pay : nullptr;
      if (p && !p->pay) ex.problem("of", "the policy sets no [pay] for this example to check");
      if (pay::check_pay_example(ex, pay)) ++run;
      continue;
    }
    if (*of == "quota_day") {
      auto facts = quota::read_quota_example(ex);
      const quota::QuotaPolicy* quotas = p && p->quotas ? &*p->quotas : nullptr;
      if (p && !p->quotas) ex.problem("of", "the policy sets no [quotas] for this example to check");
      if (!expect) continue;
      quota::check_quota_example(*expect, name, quotas, facts ? &*facts : nullptr,
                                 p ? p->header.workday_end - p->header.workday_start : 0);
      if (quotas && facts) ++run;
      continue;
    }
    auto facts = kpi::read_day_example(ex);
    if (!expect) continue;
    if (!facts || !p) {
      compare(*expect, name, nullptr);  // the names still checked; nothing to compare against
      continue;
    }
    const auto got = kpi::agent_day(*facts, p->effective_call, p->metrics);
    compare(*expect, name, &got);
    ++run;
  }
  return run;
}

}  // namespace

PolicyCheck check_policy(std::string_view text, const std::string& file) {
  policy::Document doc(text, file);
  PolicyCheck out;
  if (!doc.ok()) {
    out.problems = doc.problems();
    return out;
  }
  auto header = policy::read_header(doc);
  auto effective = calls::read_effective_call_section(doc);
  auto metrics = kpi::read_metrics_section(doc);
  bool quotas_ok = true;
  auto quotas = quota::read_quotas_section(doc, quotas_ok);
  bool attendance_ok = true;
  auto attendance = discipline::read_attendance_section(doc, attendance_ok);
  bool points_ok = true;
  auto points = discipline::read_points_section(doc, points_ok);
  bool leave_ok = true, resignation_ok = true;
  auto leave = discipline::read_leave_section(doc, leave_ok);
  auto resignation = discipline::read_resignation_section(doc, resignation_ok);
  bool reports_ok = true;
  auto reports = discipline::read_reports_section(doc, reports_ok);
  bool fabrication_ok = true;
  auto fabrication = discipline::read_fabrication_section(doc, fabrication_ok);
  bool claims_ok = true;
  auto claims = discipline::read_claims_section(doc, claims_ok);
  bool elimination_ok = true;
  auto elimination = discipline::read_elimination_section(doc, elimination_ok);
  bool meetings_ok = true;
  auto meetings = discipline::read_meetings_section(doc, points ? &*points : nullptr, meetings_ok);
  bool pay_ok = true;
  auto pay = pay::read_pay_section(doc, pay_ok, &kpi::is_metric);
  std::optional<CompanyPolicy> p;
  if (header && effective && metrics && quotas_ok && attendance_ok && points_ok && leave_ok && resignation_ok &&
      reports_ok && fabrication_ok && claims_ok && elimination_ok && meetings_ok && pay_ok)
    p = CompanyPolicy{*header,     *effective, *metrics,    quotas, attendance,  points,   leave,
                      resignation, reports,    fabrication, claims, elimination, meetings, pay};
  out.examples = run_examples(doc, p);
  doc.finish();
  out.problems = doc.problems();
  if (out.problems.empty()) out.policy = std::move(p);
  return out;
}

policy::RuleBook CompanyPolicy::rule_book() const {
  policy::RuleBook book{policy::describe_header(header), calls::describe_effective_call(effective_call),
                        kpi::describe_metrics(metrics)};
  if (quotas) book.push_back(quota::describe_quotas(*quotas));
  if (attendance) book.push_back(discipline::describe_attendance(*attendance, header));
  if (points) book.push_back(discipline::describe_points(*points));
  if (leave) book.push_back(discipline::describe_leave(*leave));
  if (resignation) book.push_back(discipline::describe_resignation(*resignation));
  if (reports) book.push_back(discipline::describe_reports(*reports));
  if (fabrication) book.push_back(discipline::describe_fabrication(*fabrication));
  if (claims) book.push_back(discipline::describe_claims(*claims));
  if (elimination) book.push_back(discipline::describe_elimination(*elimination));
  if (meetings) book.push_back(discipline::describe_meetings(*meetings, points ? &*points : nullptr));
  if (pay) book.push_back(pay::describe_pay(*pay));
  return book;
}

policy::Checked checked(std::string_view text, const std::string& file) {
  PolicyCheck c = check_policy(text, file);
  policy::Checked out;
  out.problems = std::move(c.problems);
  out.examples = c.examples;
  if (c.policy) {
    out.name = c.policy->header.name;
    out.effective_from = c.policy->header.effective_from;
    out.book = c.policy->rule_book();
  }
  return out;
}

}  // namespace waihu::app
