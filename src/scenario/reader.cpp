#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/policy_in_force.hpp"
#include "org/model.hpp"
#include "scenario/scenario.hpp"
#include "util/clock.hpp"

namespace waihu::scenario {

namespace {
using policy::Table;

// A preset by name, or a file relative to the scenario's folder.
std::optional<std::string> policy_text(const Table& t, const std::string& key, const std::string& scenario_file,
                                       std::string& source) {
  auto name = t.text(key);
  if (!name) return std::nullopt;
  source = *name;
  if (name->find('/') == std::string::npos && name->find(".toml") == std::string::npos) {
    if (auto text = app::PoliciesInForce::preset_text(*name)) return text;
    t.problem(key, "no preset named '" + *name + "' (preset-a, preset-b, seed-004, seed-001) — or give a file path");
    return std::nullopt;
  }
  const auto path = std::filesystem::path(scenario_file).parent_path() / *name;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    t.problem(key, "cannot read the policy file " + path.string());
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<long long> instant(const Table& t, const char* key, bool required = true) {
  auto v = t.text(key, required);
  if (!v) return std::nullopt;
  auto at = util::parse_iso8601(*v);
  if (!at) t.problem(key, "must be an ISO 8601 time with its offset, e.g. \"2026-10-12T10:00:00+08:00\"");
  return at;
}

class Reader {
 public:
  Reader(const policy::Document& doc, Scenario& s) : root_(doc.root()), s_(s) {}

  void read() {
    if (auto c = root_.text("company", false)) s_.company = *c;
    if (auto p = root_.table("period")) {
      auto from = p->date("from");
      auto to = p->date("to");
      if (from && to) {
        if (*to < *from)
          p->problem("to", "the period ends before it starts");
        else if (calendar::Period{*from, *to}.days() > 366)
          p->problem("to", "a scenario spans at most a year");
        s_.period = {*from, *to};
      }
    }
    read_policies();
    for (const Table& t : root_.tables("team")) team(t);
    for (const Table& t : root_.tables("person")) person(t);
    for (const Table& t : root_.tables("customer")) customer(t);
    for (const Table& t : root_.tables("call")) call(t);
    for (const Table& t : root_.tables("follow_up")) follow_up(t);
    for (const Table& t : root_.tables("deal")) deal(t);
    for (const Table& t : root_.tables("payment")) payment(t);
    for (const Table& t : root_.tables("refund")) payment(t, true);
    for (const Table& t : root_.tables("clock")) clock(t);
    for (const Table& t : root_.tables("points")) points(t);
    for (const Table& t : root_.tables("leave")) leave(t);
    for (const Table& t : root_.tables("leaving")) leaving(t);
    for (const Table& t : root_.tables("report")) report(t);
    for (const Table& t : root_.tables("visit")) visit(t);
    for (const Table& t : root_.tables("holiday")) holiday(t);
    for (const Table& t : root_.tables("duplicate_claim")) duplicate_claim(t);
    for (const Table& t : root_.tables("meeting")) meeting(t);
    for (const Table& t : root_.tables("target")) target(t);
    for (const Table& t : root_.tables("exception")) exception(t);
  }

 private:
  void read_policies() {
    PolicySpec main;
    main.where = root_.where("policy");
    auto text = policy_text(root_, "policy", s_.file, main.source);
    auto overrides = root_.table("policy_overrides", false);
    if (text) add_policy(std::move(main), *text, overrides ? &*overrides : nullptr, s_.period.from);
    for (const Table& change : root_.tables("policy_change")) {
      PolicySpec spec;
      spec.where = change.where();
      auto from = change.date("from");
      auto changed = policy_text(change, "policy", s_.file, spec.source);
      auto over = change.table("overrides", false);
      if (from && !s_.period.contains(*from)) change.problem("from", "must fall within the period");
      if (from && changed) add_policy(std::move(spec), *changed, over ? &*over : nullptr, *from);
    }
  }
  void add_policy(PolicySpec spec, const std::string& text, const Table* overrides, calendar::LocalDate from) {
    try {
      spec.text = policy::overlay_policy(text, overrides, from);
      spec.from = from;
      s_.policies.push_back(std::move(spec));
    } catch (const std::invalid_argument& e) {
      root_.problem("policy", std::string("the policy does not parse: ") + e.what());
    }
  }

  void team(const Table& t) {
    TeamSpec spec{t.text("name").value_or(""), t.text("parent", false).value_or(""), t.where()};
    if (!spec.parent.empty() && !teams_.count(spec.parent))
      t.problem("parent", "no team named '" + spec.parent + "' above this one");
    if (!spec.name.empty() && !teams_.insert(spec.name).second) t.problem("name", "a second team named so");
    s_.teams.push_back(std::move(spec));
  }

  void person(const Table& t) {
    PersonSpec p;
    p.where = t.where();
    p.username = t.text("username").value_or("");
    p.display_name = t.text("name", false).value_or(p.username);
    p.role = t.choice("role", {"agent", "field_rep", "supervisor", "manager", "assistant", "qa", "director", "admin",
                               "finance"})
                 .value_or("agent");
    p.team = t.text("team").value_or("");
    if (!p.team.empty() && !teams_.count(p.team)) t.problem("team", "no team named '" + p.team + "'");
    if (auto hired = t.date("hired", false)) p.hired = hired->str();
    p.status = t.choice("status", {"probation", "regular", "left"}, false).value_or("regular");
    p.prior_months = t.integer("prior_months", {.min = 0, .max = 600}, false).value_or(0);
    if (!p.username.empty() && !people_.insert(p.username).second) t.problem("username", "a second person so named");
    s_.people.push_back(std::move(p));
  }

  void person_ref(const Table& t, const char* key, std::string& into, bool required = true) {
    auto v = t.text(key, required);
    if (!v) return;
    if (!people_.count(*v)) t.problem(key, "no person '" + *v + "'");
    into = *v;
  }
  void customer_ref(const Table& t, std::string& into) {
    auto v = t.text("customer");
    if (!v) return;
    if (!customers_.count(*v)) t.problem("customer", "no customer with key '" + *v + "' (customers come first)");
    into = *v;
  }

  void customer(const Table& t) {
    CustomerSpec c;
    c.where = t.where();
    c.key = t.text("key").value_or("");
    c.company = t.text("company").value_or("");
    c.contact_name = t.text("contact_name", false).value_or("");
    c.title = t.text("title", false).value_or("");
    c.fax = t.text("fax", false).value_or("");
    c.it_status = t.text("it_status", false).value_or("");
    c.grade = t.choice("grade", {"A", "B", "C", "D"}, false).value_or("");
    c.phones = t.texts("phones", {}, false).value_or(std::vector<std::string>{});
    c.headcount = t.integer("headcount", {.min = 0, .max = 10'000'000}, false);
    person_ref(t, "owner", c.owner);
    c.created_at = instant(t, "created_at", false);
    if (t.has("created_by")) person_ref(t, "created_by", c.created_by);
    if (!c.created_at && t.has("created_by")) t.problem("created_by", "give created_at too: when they found it");
    if (!c.key.empty() && !customers_.insert(c.key).second) t.problem("key", "a second customer with this key");
    if (c.created_at) {
      Event e;
      e.kind = EventKind::kCustomer;
      e.at = *c.created_at;
      e.where = c.where;
      e.customer_index = s_.customers.size();
      s_.events.push_back(std::move(e));
    }
    s_.customers.push_back(std::move(c));
  }

  void call(const Table& t) {
    Event e;
    e.kind = EventKind::kCall;
    e.where = t.where();
    person_ref(t, "user", e.user);
    if (t.has("customer")) customer_ref(t, e.customer);
    if (auto n = t.text("number", false)) e.number = *n;
    if (e.customer.empty() && e.number.empty()) t.problem("customer", "give the customer (its key) or the number");
    e.at = instant(t, "started_at").value_or(0);
    e.result = t.choice("result", {"no_answer", "busy", "invalid_number", "refused", "connected", "callback_requested",
                                   "interested", "deal", "failed"})
                   .value_or("");
    e.talk_seconds = t.integer("talk_seconds", {.min = 0, .max = 86'400}, false).value_or(0);
    e.ring_seconds = t.integer("ring_seconds", {.min = 0, .max = 600}, false).value_or(5);
    // The same call made again and again (a day of 120 calls is one table, not 120).
    const long long repeat = t.integer("repeat", {.min = 1, .max = 10'000}, false).value_or(1);
    const auto every = t.integer("every_seconds", {.min = 1, .max = 86'400}, repeat > 1);
    if (repeat == 1 && t.has("every_seconds")) t.problem("every_seconds", "only with repeat");
    for (long long i = 1; i < repeat && every; ++i) {
      Event again = e;
      again.at = e.at + i * *every;
      s_.events.push_back(std::move(again));
    }
    s_.events.push_back(std::move(e));
  }

  // A day's clock: in, out, or both (a missing one is what the attendance rule judges).
  void clock(const Table& t) {
    Event e;
    e.where = t.where();
    person_ref(t, "user", e.user);
    const auto in = instant(t, "in", false);
    const auto out = instant(t, "out", false);
    if (!in && !out && !t.has("in") && !t.has("out")) t.problem("in", "give in, out or both");
    if (in && out && *out < *in) t.problem("out", "clocks out before clocking in");
    for (const auto& [at, kind] : {std::pair{in, EventKind::kClockIn}, std::pair{out, EventKind::kClockOut}}) {
      if (!at) continue;
      Event c = e;
      c.kind = kind;
      c.at = *at;
      s_.events.push_back(std::move(c));
    }
  }

  // A catalogue item entered for someone by someone (their supervisor), on a day, as the points page would.
  void points(const Table& t) {
    Event e;
    e.kind = EventKind::kPoints;
    e.where = t.where();
    person_ref(t, "user", e.user);
    person_ref(t, "by", e.by);
    e.on = t.date("on");
    e.item = t.text("item").value_or("");
    e.reason = t.text("reason", false).value_or("情景 / scenario");
    e.serious = t.boolean("serious", false).value_or(false);
    s_.events.push_back(std::move(e));
  }

  // A work report sent at submitted_at for a period ("2026-11-02", "2026-W45", "2026-11"), as the reports page would.
  void report(const Table& t) {
    Event e;
    e.kind = EventKind::kReport;
    e.where = t.where();
    person_ref(t, "user", e.user);
    e.item = t.choice("kind", {"daily", "weekly", "monthly"}).value_or("weekly");
    e.period = t.text("period").value_or("");
    e.content = t.text("summary", false).value_or("情景 / scenario");
    e.reason = t.text("plan", false).value_or("情景 / scenario");
    e.at = instant(t, "submitted_at").value_or(0);
    s_.events.push_back(std::move(e));
  }

  // A customer visit from `from` to `to` on one day, asked and approved (by `by`, default the administrator) as it
  // starts: the day's quota is lowered as the policy's [quotas] visits rule says.
  void visit(const Table& t) {
    Event e;
    e.kind = EventKind::kVisit;
    e.where = t.where();
    person_ref(t, "user", e.user);
    if (t.has("by")) person_ref(t, "by", e.by);
    auto from = instant(t, "from");
    auto to = instant(t, "to");
    if (from && to) {
      if (*to <= *from)
        t.problem("to", "a visit ends after it starts");
      else if (*to - *from > 12 * 3600)
        t.problem("to", "a visit lasts at most 12 hours");
      e.at = *from;
      e.visit_minutes = (*to - *from) / 60;
    }
    s_.events.push_back(std::move(e));
  }

  // A 撞单: `claimant` enters `customer` (held by its owner) again at `at`; then, in order, the case's escalations
  // ({ by, at }) and how it ends — `yielded = { by, at }` or `decided = { by, at, keeper, malicious = [..] }`.
  // The key ties the steps to the case.
  void duplicate_claim(const Table& t) {
    Event open;
    open.kind = EventKind::kClaim;
    open.where = t.where();
    customer_ref(t, open.customer);
    person_ref(t, "claimant", open.user);
    open.at = instant(t, "at").value_or(0);
    open.key = "claim#" + std::to_string(s_.events.size());
    long long last = open.at;
    auto step = [&](const Table& st, EventKind kind) {
      Event e = open;
      e.kind = kind;
      e.where = st.where();
      person_ref(st, "by", e.by);
      e.at = instant(st, "at").value_or(0);
      e.reason = st.text("note", false).value_or("情景 / scenario");
      if (e.at < last) st.problem("at", "a step of a case comes after the one before");
      last = e.at;
      return e;
    };
    s_.events.push_back(open);
    if (auto ups = t.tables("escalations"); !ups.empty())
      for (const Table& up : ups) s_.events.push_back(step(up, EventKind::kClaimEscalate));
    auto yielded = t.table("yielded", false);
    auto decided = t.table("decided", false);
    if (yielded && decided) t.problem("decided", "a case ends once: yielded or decided");
    if (yielded) s_.events.push_back(step(*yielded, EventKind::kClaimYield));
    if (decided) {
      Event d = step(*decided, EventKind::kClaimDecide);
      person_ref(*decided, "keeper", d.keeper);
      for (const auto& m : decided->texts("malicious", {}, false).value_or(std::vector<std::string>{})) {
        if (!people_.count(m)) decided->problem("malicious", "no person '" + m + "'");
        d.malicious.push_back(m);
      }
      s_.events.push_back(std::move(d));
    }
  }

  // A meeting `by` holds for `team` at `at` (a kind of the policy's [meetings]); its roll call, a minute after the
  // start, marks the people listed in `late`, `left_early`, `absent` and `excused` so and everyone else invited
  // present, and closes it.
  void meeting(const Table& t) {
    Event e;
    e.kind = EventKind::kMeeting;
    e.where = t.where();
    e.item = t.text("kind").value_or("");
    e.content = t.text("title", false).value_or("");  // default: the kind's name
    e.team = t.text("team").value_or("");
    if (!e.team.empty() && !teams_.count(e.team)) t.problem("team", "no team named '" + e.team + "'");
    person_ref(t, "by", e.by);
    e.at = instant(t, "at").value_or(0);
    e.key = "meeting#" + std::to_string(s_.events.size());
    Event roll = e;
    roll.kind = EventKind::kRollCall;
    roll.at = e.at + 60;
    std::set<std::string> marked;
    for (const char* status : {"late", "left_early", "absent", "excused"})
      for (const auto& who : t.texts(status, {}, false).value_or(std::vector<std::string>{})) {
        if (!people_.count(who)) t.problem(status, "no person '" + who + "'");
        if (!marked.insert(who).second) t.problem(status, "'" + who + "' is marked twice");
        roll.marks.emplace_back(who, status);
      }
    s_.events.push_back(std::move(e));
    s_.events.push_back(std::move(roll));
  }

  // A day off (a public holiday) or a make-up working day, marked on the calendar before the period begins.
  void holiday(const Table& t) {
    HolidaySpec h;
    h.where = t.where();
    h.day = t.date("day").value_or(calendar::LocalDate{});
    h.makeup = t.choice("kind", {"holiday", "makeup"}, false).value_or("holiday") == "makeup";
    h.name = t.text("name", false).value_or(h.makeup ? "调休" : "假日");
    s_.holidays.push_back(std::move(h));
  }

  // Leave asked at requested_at and, with approved_at, approved then (by `by`, default the administrator); the key
  // ties the two events together.
  void leave(const Table& t) {
    Event e;
    e.kind = EventKind::kLeave;
    e.where = t.where();
    person_ref(t, "user", e.user);
    e.leave_from = t.date("from");
    e.leave_to = t.date("to", false);
    if (!e.leave_to) e.leave_to = e.leave_from;
    e.payment_kind = t.choice("kind", {"personal", "sick", "resignation"}).value_or("personal");
    e.reason = t.text("reason", false).value_or("情景 / scenario");
    e.certificate = t.boolean("certificate", false).value_or(false);
    e.at = instant(t, "requested_at").value_or(0);
    e.key = "leave#" + std::to_string(s_.events.size());
    if (e.leave_from && e.leave_to && *e.leave_to < *e.leave_from) t.problem("to", "before from");
    auto approved = instant(t, "approved_at", false);
    if (t.has("by")) person_ref(t, "by", e.by);
    if (approved) {
      if (*approved < e.at) t.problem("approved_at", "approved before it was asked");
      Event a = e;
      a.kind = EventKind::kLeaveApproval;
      a.at = *approved;
      s_.events.push_back(std::move(e));
      s_.events.push_back(std::move(a));
      return;
    }
    s_.events.push_back(std::move(e));
  }

  // Someone leaves: `on` is their last day, `reason` resigned (辞职) or dismissed (辞退). A resignation asked ahead is
  // a [[leave]] of kind "resignation" naming that day.
  void leaving(const Table& t) {
    Event e;
    e.kind = EventKind::kLeaving;
    e.where = t.where();
    person_ref(t, "user", e.user);
    e.on = t.date("on");
    e.reason = t.choice("reason", {"resigned", "dismissed"}).value_or("");
    if (e.on && !s_.period.contains(*e.on)) t.problem("on", "must fall within the period");
    s_.events.push_back(std::move(e));
  }

  void follow_up(const Table& t) {
    Event e;
    e.kind = EventKind::kFollowUp;
    e.where = t.where();
    person_ref(t, "user", e.user);
    customer_ref(t, e.customer);
    e.at = instant(t, "at").value_or(0);
    e.channel = t.choice("channel", {"phone", "visit", "fax", "sms", "email", "wechat"}, false).value_or("phone");
    e.content = t.text("content").value_or("");
    e.outcome = t.text("outcome", false).value_or("");
    s_.events.push_back(std::move(e));
  }

  void deal(const Table& t) {
    Event e;
    e.kind = EventKind::kDeal;
    e.where = t.where();
    e.key = t.text("key").value_or("");
    person_ref(t, "user", e.user);
    customer_ref(t, e.customer);
    e.amount_fen = t.integer("amount_fen", {.min = 1}).value_or(0);
    e.on = t.date("closed_on");
    e.sourcing = t.choice("sourcing", {"self", "proxy"}, false).value_or("self");
    if (t.has("field_rep") || e.sourcing == "proxy") person_ref(t, "field_rep", e.field_rep);
    e.product = t.text("product", false).value_or("未注明");  // the deal form requires one; scenarios may leave it out
    if (!e.key.empty() && !deals_.insert(e.key).second) t.problem("key", "a second deal with this key");
    s_.events.push_back(std::move(e));
  }

  // A payment collected on a deal, or (`[[refund]]`, or kind = "refund") money given back, with its reason.
  void payment(const Table& t, bool refund = false) {
    Event e;
    e.kind = EventKind::kPayment;
    e.where = t.where();
    e.deal = t.text("deal").value_or("");
    if (!e.deal.empty() && !deals_.count(e.deal)) t.problem("deal", "no deal with key '" + e.deal + "' (deals first)");
    e.amount_fen = t.integer("amount_fen", {.min = 1}).value_or(0);
    e.on = t.date("on");
    e.payment_kind = refund ? "refund" : t.choice("kind", {"payment", "refund"}, false).value_or("payment");
    e.reason = t.text("reason", e.payment_kind == "refund").value_or("");
    if (t.has("user")) person_ref(t, "user", e.user);
    s_.events.push_back(std::move(e));
  }

  std::optional<calendar::Month> month_of(const Table& t) {
    auto text = t.text("month");
    if (!text) return std::nullopt;
    auto m = calendar::Month::parse(*text);
    if (!m)
      t.problem("month", "must be a month such as \"2026-10\"");
    else if (m->last() < s_.period.from || s_.period.to < m->first())
      t.problem("month", "must be a month the period touches");
    return m;
  }

  // A team's target for a month: what the supervisors' and managers' attainment bands read.
  void target(const Table& t) {
    TargetSpec spec;
    spec.where = t.where();
    spec.team = t.text("team").value_or("");
    if (!spec.team.empty() && !teams_.count(spec.team)) t.problem("team", "no team named '" + spec.team + "'");
    spec.amount_fen = t.integer("amount_fen", {.min = 1}).value_or(0);
    if (auto m = month_of(t)) spec.month = *m;
    s_.targets.push_back(std::move(spec));
  }

  // A probation exception: the month's "eliminated" becomes "regular".
  void exception(const Table& t) {
    ExceptionSpec spec;
    spec.where = t.where();
    person_ref(t, "user", spec.user);
    if (t.has("by")) person_ref(t, "by", spec.by);
    spec.reason = t.text("reason", false).value_or("情景 / scenario");
    if (auto m = month_of(t)) spec.month = *m;
    s_.exceptions.push_back(std::move(spec));
  }

  Table root_;
  Scenario& s_;
  std::set<std::string> teams_, people_, customers_, deals_;
};
}  // namespace

ReadResult read_scenario(std::string_view text, const std::string& file) {
  policy::Document doc(text, file);
  Scenario s;
  s.file = file;
  if (doc.ok()) Reader(doc, s).read();
  doc.finish();
  ReadResult out;
  out.problems = doc.problems();
  if (out.problems.empty()) out.scenario = std::move(s);
  return out;
}

}  // namespace waihu::scenario
