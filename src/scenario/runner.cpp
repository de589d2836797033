#include "scenario/runner.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>

#include "app/app.hpp"
#include "calls/rules.hpp"
#include "core/errors.hpp"
#include "discipline/points_rules.hpp"
#include "discipline/store.hpp"
#include "kpi/day_store.hpp"
#include "kpi/json.hpp"
#include "org/credentials.hpp"
#include "pay/store.hpp"
#include "quota/json.hpp"

namespace waihu::scenario {

namespace {

// A fresh folder for the scenario's database, removed afterwards whatever happens.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() / ("waihu-scenario-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

bool any_figure(const kpi::store::Figures& f) {
  return std::any_of(f.begin(), f.end(), [](long long v) { return v != 0; });
}

class Runner {
 public:
  Runner(const Scenario& s, app::App& app) : s_(s), app_(app) {}

  nlohmann::json run() {
    app_.db.migrate();
    // Before the period: the company, its people and the customers already on its books.
    app_.clock.set(s_.period.from.days() * 86400 - 86400);
    const org::Team root = app_.org.create_team(nullptr, s_.company, std::nullopt);
    teams_[""] = root.id;
    team_order_.push_back(root.id);
    org::NewUser admin;
    admin.username = "admin";
    admin.role = org::Role::kAdmin;
    admin.team_id = root.id;
    admin.password = org::generate_password();
    admin.employment_status = org::EmploymentStatus::kRegular;
    admin_ = app_.org.actor_for(app_.org.create_user(nullptr, admin));
    publish_policies();
    for (const auto& h : s_.holidays)
      guarded(h.where, [&] {
        app_.work_calendar.mark(admin_, h.day, h.makeup ? calendar::DayKind::kMakeup : calendar::DayKind::kHoliday,
                                h.name);
      });
    app_.clock.set(app_.time.bounds(s_.period.from).from - 12 * 3600);  // the day before, at noon
    for (const auto& t : s_.teams) {
      guarded(t.where, [&] {
        teams_[t.name] = app_.org.create_team(nullptr, t.name, teams_.at(t.parent)).id;
        team_order_.push_back(teams_[t.name]);
      });
    }
    for (const auto& p : s_.people) guarded(p.where, [&] { add_person(p); });
    for (size_t i = 0; i < s_.customers.size(); ++i)
      if (!s_.customers[i].created_at) guarded(s_.customers[i].where, [&] { add_customer(i, admin_); });
    replay();
    close_days();
    run_payroll();
    return output();
  }

 private:
  template <class F>
  void guarded(const policy::Where& where, F&& f) {
    try {
      f();
    } catch (const Error& e) {
      fail(where, e.what());
    } catch (const std::out_of_range&) {
      fail(where, "refers to something the scenario does not define");
    }
  }
  [[noreturn]] void fail(const policy::Where& where, const std::string& reason) {
    throw RunError(policy::Problem{s_.file, where, reason}.str());
  }

  void publish_policies() {
    for (const auto& p : s_.policies) {
      const app::PolicyCheck check = app::check_policy(p.text, p.source);
      if (!check.problems.empty()) {
        std::string reasons = "policy '" + p.source + "' (with the scenario's overrides):";
        for (const auto& problem : check.problems) reasons += "\n  " + problem.str();
        fail(p.where, reasons);
      }
      guarded(p.where, [&] {
        const auto v = app_.policies.apply(org::system_actor(), p.text, "scenario");
        versions_.push_back({v.name, v.id, p.from});
      });
    }
    // The company's zone: the one of the policy in force on the period's first day.
    app_.clock.set(s_.period.from.days() * 86400 + 12 * 3600);
    app_.in_force.reload();
  }

  void add_person(const PersonSpec& p) {
    org::NewUser u;
    u.username = p.username;
    u.display_name = p.display_name;
    u.role = *org::parse_role(p.role);
    u.team_id = teams_.at(p.team);
    u.password = org::generate_password();
    u.hired_on = p.hired.empty() ? s_.period.from.str() : p.hired;
    u.employment_status = *org::parse_employment_status(p.status);
    u.prior_months = p.prior_months;
    const org::User user = app_.org.create_user(nullptr, u);
    people_.emplace(p.username, app_.org.actor_for(user));
    usernames_[user.id] = p.username;
  }

  void add_customer(size_t index, const org::Actor& actor) {
    const CustomerSpec& c = s_.customers[index];
    crm::CustomerInput in;
    in.company = c.company;
    in.contact_name = c.contact_name;
    in.title = c.title;
    in.fax = c.fax;
    in.it_status = c.it_status;
    in.grade = c.grade;
    in.phones = c.phones;
    if (c.headcount) in.headcount = std::to_string(*c.headcount);
    const long long owner = people_.at(c.owner).user_id;
    crm::OwnerChange owner_change;
    if (actor.user_id != owner) owner_change = std::optional<long long>(owner);
    customers_[c.key] = app_.customers.create(actor, in, owner_change).id;
  }

  // Noon of a day in the company's zone: when a deal or payment dated that day is entered.
  long long noon_of(const calendar::LocalDate& d) { return app_.time.bounds(d).from + 12 * 3600; }

  void replay() {
    std::vector<Event> events = s_.events;
    for (auto& e : events)
      if (e.on) e.at = noon_of(*e.on);
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.at < b.at; });
    long long zone_version = app_.in_force.at(s_.period.from).version;
    for (const Event& e : events) {
      app_.clock.set(e.at);
      // A policy change brings its zone: the company's time is re-read when the version in force changes (the
      // versions are all known in memory; only re-reading touches the database).
      if (const long long v = app_.in_force.at(app_.time.date_at(e.at)).version; v != zone_version) {
        app_.in_force.reload();
        zone_version = v;
      }
      if (!s_.period.contains(app_.time.date_at(e.at))) {
        fail(e.where, "falls on " + app_.time.date_at(e.at).str() + ", outside the period " + s_.period.from.str() +
                          " … " + s_.period.to.str());
      }
      guarded(e.where, [&] { apply(e); });
    }
  }

  void apply(const Event& e) {
    switch (e.kind) {
      case EventKind::kCustomer: {
        const CustomerSpec& c = s_.customers[e.customer_index];
        add_customer(e.customer_index, people_.at(c.created_by.empty() ? c.owner : c.created_by));
        return;
      }
      case EventKind::kCall: {
        calls::NewCall in;
        const org::Actor& actor = people_.at(e.user);
        in.agent_id = actor.user_id;
        if (!e.customer.empty()) in.customer_id = customers_.at(e.customer);
        if (!e.number.empty()) in.number = e.number;
        in.result = *calls::parse_call_result(e.result);
        in.times.started_at = e.at;
        if (calls::was_answered(in.result)) {
          in.times.answered_at = e.at + e.ring_seconds;
          in.times.ended_at = e.at + e.ring_seconds + e.talk_seconds;
        } else {
          if (e.talk_seconds > 0) throw BadRequest::field("talk_seconds", "a call not answered has no talk");
          in.times.ended_at = e.at + e.ring_seconds;
        }
        app_.clock.set(*in.times.ended_at);
        app_.calls.log(actor, in);
        return;
      }
      case EventKind::kFollowUp: {
        calls::NewFollowUp in;
        in.customer_id = customers_.at(e.customer);
        in.at = e.at;
        in.channel = *calls::parse_channel(e.channel);
        in.content = e.content;
        in.outcome = e.outcome;
        app_.follow_ups.log(people_.at(e.user), in);
        return;
      }
      case EventKind::kDeal: {
        sales::NewDeal in;
        const org::Actor& actor = people_.at(e.user);
        in.customer_id = customers_.at(e.customer);
        in.agent_id = actor.user_id;
        in.sourcing = *sales::parse_sourcing(e.sourcing);
        if (!e.field_rep.empty()) in.field_rep_id = people_.at(e.field_rep).user_id;
        in.product = e.product;
        in.amount_fen = e.amount_fen;
        in.closed_on = e.on->str();
        deals_[e.key] = app_.deals.create(actor, in).deal.id;
        return;
      }
      case EventKind::kClockIn:
      case EventKind::kClockOut:
        app_.discipline.clock(people_.at(e.user), e.kind == EventKind::kClockIn);
        return;
      case EventKind::kPoints: {
        discipline::PointsInput in;
        in.user_id = people_.at(e.user).user_id;
        in.day = *e.on;
        in.item = e.item;
        in.reason = e.reason;
        in.serious = e.serious;
        app_.points.enter(people_.at(e.by), in);
        return;
      }
      case EventKind::kLeave: {
        discipline::NewRequest in;
        in.kind = e.payment_kind;
        in.from = *e.leave_from;
        in.to = *e.leave_to;
        in.reason = e.reason;
        const org::Actor& actor = people_.at(e.user);
        const long long id = app_.requests.create(actor, in).r.id;
        leave_requests_[e.key] = id;
        // A certificate as a phone photographs it: the bytes only need to be a real image.
        if (e.certificate)
          app_.requests.attach_certificate(actor, id, std::string("\xFF\xD8\xFF\xE0scenario", 12), "证明.jpg");
        return;
      }
      case EventKind::kReport: {
        discipline::NewReport in;
        in.kind = e.item;
        in.period = e.period;
        in.summary = e.content;
        in.plan = e.reason;
        app_.reports.submit(people_.at(e.user), in);
        return;
      }
      case EventKind::kLeaving: {
        org::UserPatch p;
        p.employment_status = org::EmploymentStatus::kLeft;
        p.left_on = e.on->str();
        p.left_reason = e.reason;
        app_.org.update_user(nullptr, people_.at(e.user).user_id, p);
        return;
      }
      case EventKind::kVisit: {
        discipline::NewRequest in;
        in.kind = "visit";
        in.from = in.to = app_.time.date_at(e.at);
        in.minutes = e.visit_minutes;
        in.reason = "外出拜访客户 / a customer visit";
        const long long id = app_.requests.create(people_.at(e.user), in).r.id;
        app_.requests.decide(e.by.empty() ? admin_ : people_.at(e.by), id, true, "");
        return;
      }
      case EventKind::kClaim: {
        // The claimant enters the held customer's company and phones as a new customer: the server refuses the
        // twin and opens the case.
        const CustomerSpec* held = nullptr;
        for (const auto& c : s_.customers)
          if (c.key == e.customer) held = &c;
        crm::CustomerInput in;
        in.company = held->company;
        in.phones = held->phones;
        try {
          app_.customers.create(people_.at(e.user), in, {});
        } catch (const Conflict& c) {
          if (c.code() != "customer.duplicate_claim") throw;
          claims_[e.key] = c.details().at("claim_id").get<long long>();
          claim_customers_[claims_[e.key]] = e.customer;
          return;
        }
        throw RuleViolation("scenario.no_claim", "no duplicate claim opened: " + e.user + " now holds a second '" +
                                                     e.customer + "' (does its owner hold it, with a phone?)");
      }
      case EventKind::kClaimEscalate:
        app_.claims.escalate(people_.at(e.by), claims_.at(e.key), e.reason);
        return;
      case EventKind::kClaimYield:
        app_.claims.yield(people_.at(e.by), claims_.at(e.key), e.reason);
        return;
      case EventKind::kClaimDecide: {
        discipline::ClaimDecision d;
        d.keeper_id = people_.at(e.keeper).user_id;
        d.note = e.reason;
        for (const auto& m : e.malicious) d.malicious.push_back(people_.at(m).user_id);
        app_.claims.decide(people_.at(e.by), claims_.at(e.key), d);
        return;
      }
      case EventKind::kMeeting: {
        discipline::NewMeeting in;
        in.kind = e.item;
        in.title = e.content;
        if (in.title.empty())
          for (const auto& k : app_.meetings.kinds(app_.time.date_at(e.at)))
            if (k.kind == e.item) in.title = k.zh;
        in.team_id = teams_.at(e.team);
        in.starts_at = e.at;
        meetings_[e.key] = app_.meetings.hold(people_.at(e.by), in).m.id;
        meeting_order_.push_back(e.key);
        return;
      }
      case EventKind::kRollCall: {
        const org::Actor& by = people_.at(e.by);
        const long long id = meetings_.at(e.key);
        std::vector<discipline::MarkedAttendance> marks;
        for (const auto& a : app_.meetings.get(by, id).attendees) {
          std::string status = "present";
          for (const auto& [who, s] : e.marks)
            if (people_.at(who).user_id == a.user_id) status = s;
          marks.push_back({a.user_id, status, ""});
        }
        app_.meetings.record(by, id, marks, true);
        return;
      }
      case EventKind::kLeaveApproval:
        app_.requests.decide(e.by.empty() ? admin_ : people_.at(e.by), leave_requests_.at(e.key), true, "");
        return;
      case EventKind::kPayment: {
        const org::Actor actor = e.user.empty() ? admin_ : people_.at(e.user);
        app_.deals.add_payment(actor, deals_.at(e.deal),
                               e.payment_kind == "refund" ? sales::PaymentKind::kRefund : sales::PaymentKind::kPayment,
                               e.amount_fen, e.on->str(), e.reason);
        return;
      }
    }
  }

  // Each day of the period closed as the server would close it once it is over: quota results and attendance
  // judged, fines and points in the ledger; then each month whose last day the period reaches (its points judged).
  void close_days() {
    app_.clock.set(app_.time.bounds(s_.period.to.plus_days(1)).from + 3600);
    for (auto d = s_.period.from; d <= s_.period.to; d = d.plus_days(1)) app_.closer.close_day(nullptr, d);
    for (auto m = calendar::Month::of(s_.period.from); m.last() <= s_.period.to; m = m.next())
      app_.months.close_month(nullptr, m);
  }

  // Each month the period covers whole, under a policy that pays ([pay]): its targets entered and its
  // probation exceptions granted (in file order), then its payroll run and closed — a month's clawbacks and carried
  // balances read the months before as they were closed, as they do on the server.
  void run_payroll() {
    for (auto m = calendar::Month::of(s_.period.from); m.last() <= s_.period.to; m = m.next()) {
      if (m.first() < s_.period.from) continue;  // records before the period are not in it: no whole month to pay
      if (!app_.pay_rules_of(app_.in_force.at(m.last()), m.last()).pay) continue;
      for (const auto& t : s_.targets)
        if (t.month == m)
          guarded(t.where,
                  [&] { app_.payroll.set_target(admin_, teams_.at(t.team), m, t.amount_fen, "情景 / scenario"); });
      for (const auto& e : s_.exceptions)
        if (e.month == m)
          guarded(e.where, [&] {
            app_.payroll.grant_exception(e.by.empty() ? admin_ : people_.at(e.by), people_.at(e.user).user_id, m,
                                         e.reason);
          });
      guarded(s_.policies.front().where, [&] {
        app_.payroll.run(nullptr, m);
        app_.payroll.close(nullptr, m);
      });
      paid_months_.push_back(m);
    }
    auto unused = [&](const auto& list) {
      for (const auto& x : list)
        if (std::find(paid_months_.begin(), paid_months_.end(), x.month) == paid_months_.end())
          fail(x.where, "no payroll runs for " + x.month.str() +
                            ": the period must cover the whole month, under a policy with [pay]");
    };
    unused(s_.targets);
    unused(s_.exceptions);
  }

  // Each paid month's statements of the scenario's people, in month and then people order.
  void statements(nlohmann::json& out) {
    if (paid_months_.empty()) return;  // a scenario without pay prints no such key
    out["statements"] = nlohmann::json::array();
    for (const auto& m : paid_months_) {
      const auto rows = app_.db.read([&](soci::session& sql) { return pay::store::month_statements(sql, m.str()); });
      for (const auto& p : s_.people)
        for (const auto& r : rows) {
          if (r.user_id != people_.at(p.username).user_id) continue;
          nlohmann::json lines = nlohmann::json::array();
          for (const auto& l : r.lines)
            lines.push_back({{"code", l.line.code},
                             {"amount_fen", l.line.amount_fen},
                             {"rule", l.line.rule},
                             {"explanation", l.line.explanation}});
          out["statements"].push_back({{"user", p.username},
                                       {"month", r.month},
                                       {"policy_version", r.policy_version},
                                       {"status", r.employment_status},
                                       {"lines", lines},
                                       {"gross_fen", r.gross_fen},
                                       {"deductions_fen", r.deductions_fen},
                                       {"net_fen", r.net_fen},
                                       {"held_over_fen", r.held_over_fen},
                                       {"status_next_month", r.status_next_month}});
        }
    }
  }

  nlohmann::json output() {
    nlohmann::json out;
    const app::PolicyVersion last = app_.in_force.at(s_.period.to);
    out["policy"] = {{"name", last.policy->header.name}, {"version", last.version}};
    out["policies"] = nlohmann::json::array();
    for (const auto& v : versions_)
      out["policies"].push_back({{"name", v.name}, {"version", v.id}, {"from", v.from.str()}});
    auto rows = app_.db.read([&](soci::session& sql) { return kpi::store::stored(sql, s_.period, {}); });
    out["agent_days"] = nlohmann::json::array();
    for (const auto& r : rows) {
      if (!any_figure(r.figures) || !usernames_.count(r.user_id)) continue;
      out["agent_days"].push_back({{"user", usernames_[r.user_id]},
                                   {"date", r.day.str()},
                                   {"policy_version", r.policy_version},
                                   {"metrics", kpi::figures_json(r.figures)}});
    }
    closed_days(out);
    points_months(out);
    duplicate_claims(out);
    shortfalls(out);
    meetings(out);
    statements(out);
    out["team_days"] = nlohmann::json::array();
    for (auto d = s_.period.from; d <= s_.period.to; d = d.plus_days(1)) {
      const kpi::Metrics m = app_.metrics.by_team(org::system_actor(), {d, d}, std::nullopt);
      for (long long team : team_order_) {
        for (const auto& row : m.rows) {
          if (row.id != team || !any_figure(row.figures)) continue;
          out["team_days"].push_back(
              {{"team", row.name}, {"date", d.str()}, {"metrics", kpi::figures_json(row.figures)}});
        }
      }
    }
    return out;
  }

  // What closing the days wrote, in day and then the scenario's people order: every agent's quota results on every
  // working day (idle days too: a day without a call is a day short) by the policy in force that day, the
  // attendance judgements, and the ledger's fines.
  void closed_days(nlohmann::json& out) {
    out["quota_days"] = nlohmann::json::array();
    out["attendance_days"] = nlohmann::json::array();
    out["fines"] = nlohmann::json::array();
    auto entries = app_.db.read([&](soci::session& sql) {
      return discipline::store::entries(sql, {{}, s_.period.from, s_.period.to}, std::nullopt, 1'000'000);
    });
    for (auto d = s_.period.from; d <= s_.period.to; d = d.plus_days(1)) {
      auto [quotas, clocks] = app_.db.read([&](soci::session& sql) {
        return std::pair{discipline::store::quota_days(sql, d, {}), discipline::store::attendance_of_day(sql, d, {})};
      });
      for (const auto& p : s_.people) {
        const long long id = people_.at(p.username).user_id;
        std::vector<quota::QuotaResult> results;
        for (const auto& q : quotas)
          if (q.user_id == id) results.push_back(q.result);
        if (!results.empty())
          out["quota_days"].push_back(
              {{"user", p.username}, {"date", d.str()}, {"results", quota::results_json(results)}});
        for (const auto& a : clocks) {
          if (a.user_id != id || !a.outcome) continue;
          out["attendance_days"].push_back({{"user", p.username},
                                            {"date", d.str()},
                                            {"outcome", *a.outcome},
                                            {"late_minutes", a.late_minutes},
                                            {"early_minutes", a.early_minutes}});
        }
        for (const auto& e : entries) {
          if (e.user_id != id || !(e.day == d) || (e.entry.fine_fen == 0 && e.entry.base_days_milli == 0)) continue;
          out["fines"].push_back({{"user", p.username},
                                  {"date", d.str()},
                                  {"rule", e.entry.rule},
                                  {"amount_fen", e.entry.fine_fen},
                                  {"fund_fen", e.fund_fen},
                                  {"base_days_milli", e.entry.base_days_milli}});
        }
      }
    }
  }

  // Each month the period touches, for everyone keeping a points ledger under the policy in force at its end: where
  // the points started and ended, the entries, and the bonus or penalty — final for a closed month, so far for one
  // the period ends inside.
  void points_months(nlohmann::json& out) {
    out["points_months"] = nlohmann::json::array();
    for (auto m = calendar::Month::of(s_.period.from); m.first() <= s_.period.to; m = m.next()) {
      const discipline::DayRules rules = app_.day_rules(m.last());
      if (!rules.points) continue;
      auto [kept, entries] = app_.db.read([&](soci::session& sql) {
        return std::pair{discipline::store::points_months(sql, m.str(), {}),
                         discipline::store::entries(sql, {{}, m.first(), m.last()}, std::nullopt, 1'000'000)};
      });
      for (const auto& p : s_.people) {
        const org::Actor& who = people_.at(p.username);
        if (!discipline::role_listed(rules.points->roles, who.role)) continue;
        nlohmann::json listed = nlohmann::json::array();
        long long sum = 0;
        // Oldest first, as a month is read.
        for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
          const auto& e = *it;
          if (e.user_id != who.user_id || e.entry.item == "month_bonus" || e.entry.item == "month_penalty") continue;
          if (e.entry.points == 0 && e.entry.fine_fen == 0) continue;
          sum += e.entry.points;
          listed.push_back({{"date", e.day.str()},
                            {"item", e.entry.item},
                            {"points", e.entry.points},
                            {"fine_fen", e.entry.fine_fen}});
        }
        discipline::MonthEnd end = discipline::judge_month(*rules.points, sum);
        for (const auto& k : kept)
          if (k.user_id == who.user_id) end = k.end;
        out["points_months"].push_back({{"user", p.username},
                                        {"month", m.str()},
                                        {"start", end.start},
                                        {"end", end.end},
                                        {"entries", listed},
                                        {"bonus_fen", end.bonus_fen},
                                        {"penalty_fen", end.penalty_fen}});
      }
    }
  }

  // Each case the scenario opened, as it ended, and what its escalations withheld from each agent's base pay.
  void duplicate_claims(nlohmann::json& out) {
    if (claim_customers_.empty()) return;  // a scenario without cases prints no such keys
    out["duplicate_claims"] = nlohmann::json::array();
    out["claim_penalties"] = nlohmann::json::array();
    for (const auto& [id, customer] : claim_customers_) {
      const discipline::ClaimView v = app_.claims.get(admin_, id);
      auto who = [&](const std::optional<long long>& u) {
        return u && usernames_.count(*u) ? nlohmann::json(usernames_.at(*u)) : nlohmann::json(nullptr);
      };
      out["duplicate_claims"].push_back({{"customer", customer},
                                         {"holder", who(v.c.holder_id)},
                                         {"claimant", who(v.c.claimant_id)},
                                         {"status", v.c.status},
                                         {"stage", v.c.stage},
                                         {"keeper", who(v.c.keeper_id)}});
      for (const auto& p : v.penalties)
        out["claim_penalties"].push_back({{"user", who(p.user_id)},
                                          {"customer", customer},
                                          {"month", p.month},
                                          {"stage", p.stage},
                                          {"percent", p.percent},
                                          {"total_percent", p.total_percent}});
    }
  }

  // Who stayed late on each day and who owed Sunday overtime each week ([quotas.shortfall]), worked out as the team's
  // day shows them once the period is over; printed only when a policy of the scenario has the rule.
  void shortfalls(nlohmann::json& out) {
    bool any = false;
    for (auto d = s_.period.from; d <= s_.period.to; d = d.plus_days(1)) {
      const discipline::DayRules r = app_.day_rules(d);
      any = any || (r.quotas && r.quotas->shortfall);
    }
    if (!any) return;
    out["stay_late"] = nlohmann::json::array();
    out["sunday_overtime"] = nlohmann::json::array();
    for (auto d = s_.period.from; d <= s_.period.to; d = d.plus_days(1)) {
      const discipline::ShortfallDay day = app_.shortfalls.stay_late(admin_, d, std::nullopt);
      for (const auto& p : s_.people)
        for (const auto& r : day.rows) {
          if (r.user_id != people_.at(p.username).user_id) continue;
          nlohmann::json row = {{"user", p.username}, {"date", d.str()}, {"at_check", quota::results_json(r.at_check)}};
          if (day.extension_end) {
            row["after"] = quota::results_json(r.after);
            row["still_short"] = r.still_short;
            row["sunday_overtime"] = r.sunday_overtime;
          }
          out["stay_late"].push_back(row);
        }
    }
    for (auto d = s_.period.from; d <= s_.period.to;) {
      const discipline::SundayWeek w = app_.shortfalls.sunday_overtime(admin_, d, std::nullopt);
      for (const auto& p : s_.people)
        for (const auto& r : w.rows) {
          if (r.user_id != people_.at(p.username).user_id) continue;
          nlohmann::json days = nlohmann::json::array();
          for (const auto& day : r.days) days.push_back(day.str());
          out["sunday_overtime"].push_back(
              {{"user", p.username}, {"sunday", w.sunday.str()}, {"days", days}, {"sessions", r.sessions}});
        }
      d = w.week.to.plus_days(1);
    }
  }

  // Each meeting held, in the order held: its kind, team, day and how each of the scenario's people was marked.
  void meetings(nlohmann::json& out) {
    if (meeting_order_.empty()) return;
    out["meetings"] = nlohmann::json::array();
    for (const auto& key : meeting_order_) {
      const discipline::MeetingView v = app_.meetings.get(admin_, meetings_.at(key));
      nlohmann::json marks = nlohmann::json::array();
      for (const auto& p : s_.people)
        for (const auto& a : v.attendees)
          if (a.user_id == people_.at(p.username).user_id)
            marks.push_back(
                {{"user", p.username}, {"status", a.status.value_or("")}, {"ledger", a.entry_id.has_value()}});
      out["meetings"].push_back({{"kind", v.m.kind},
                                 {"team", v.team_name},
                                 {"date", app_.time.date_at(v.m.starts_at).str()},
                                 {"attendance", marks}});
    }
  }

  struct PublishedVersion {
    std::string name;
    long long id = 0;
    calendar::LocalDate from;
  };
  const Scenario& s_;
  app::App& app_;
  org::Actor admin_;  // enters what no one in the scenario did: customers already on the books, payments
  std::map<std::string, long long> teams_, customers_, deals_, leave_requests_;
  std::vector<long long> team_order_;
  std::map<std::string, org::Actor> people_;
  std::map<long long, std::string> usernames_;
  std::map<std::string, long long> claims_;           // scenario key → case id
  std::map<long long, std::string> claim_customers_;  // case id → the customer's key, in the order opened
  std::map<std::string, long long> meetings_;         // scenario key → meeting id
  std::vector<std::string> meeting_order_;
  std::vector<PublishedVersion> versions_;
  std::vector<calendar::Month> paid_months_;  // the months whose payroll ran, in order
};

}  // namespace

nlohmann::json run(const Scenario& s) {
  TempDir dir;
  app::Config config;
  config.data_dir = dir.path.string();
  config.pool_size = 2;
  app::App app(config);
  return Runner(s, app).run();
}

}  // namespace waihu::scenario
