#include "discipline/report_section.hpp"

#include <set>

#include "discipline/report_rules.hpp"
#include "discipline/section_text.hpp"
#include "util/strings.hpp"

namespace waihu::discipline {

namespace {

const std::initializer_list<std::string_view> kDue = {
    "same_day", "first_working_day", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

const char* const kWeekdayZh[] = {"一", "二", "三", "四", "五", "六", "日"};

std::optional<ReportRule> read_kind(const policy::Table& t, std::set<ReportKind>& seen) {
  ReportRule r;
  bool good = true;
  auto need = [&](auto v) {
    if (!v) good = false;
    return v;
  };
  if (auto k = need(t.choice("kind", {"daily", "weekly", "monthly"}))) {
    r.kind = *parse_report_kind(*k);
    if (!seen.insert(r.kind).second) {
      t.problem("kind", "\"" + *k + "\" is listed twice");
      good = false;
    }
  }
  if (auto due = need(t.choice("due", kDue)); due && good) {
    const bool weekday = *due != "same_day" && *due != "first_working_day";
    const char* wants = r.kind == ReportKind::kDaily    ? "same_day"
                        : r.kind == ReportKind::kWeekly ? "a weekday of the report's week"
                                                        : "first_working_day";
    const bool fits = r.kind == ReportKind::kDaily    ? *due == "same_day"
                      : r.kind == ReportKind::kWeekly ? weekday
                                                      : *due == "first_working_day";
    if (!fits) {
      t.problem("due", "a " + std::string(report_kind_name(r.kind)) + " report is due " + wants);
      good = false;
    }
    r.due_day = weekday ? DueDay::kWeekday : *due == "same_day" ? DueDay::kSameDay : DueDay::kFirstWorkingDay;
    if (weekday) r.due_weekday = *policy::parse_weekday(*due);
  }
  r.due_minute = need(t.time_of_day("due_time")).value_or(0);
  if (auto late = need(t.choice("late", {"as_missing", "free"}))) r.late_as_missing = *late == "as_missing";
  if (auto w = need(t.choice("without_work", {"skip", "due"}))) r.skip_without_work = *w == "skip";
  if (auto item = need(t.text("item"))) {
    r.item = *item;
    if (!is_item_key(r.item)) {
      t.problem("item", "an item is lower-case letters, digits and _ (\"report_missing\")");
      good = false;
    }
  }
  // Optional numbers: absent is 0, present and wrong is a problem.
  auto optional = [&](const char* key, policy::Table::IntRange range) {
    auto v = t.integer(key, range, false);
    if (t.has(key) && !v) good = false;
    return v.value_or(0);
  };
  r.fine_fen = optional("fine_fen", {.min = 0, .max = 100'000'000});
  r.fund_percent = optional("fund_percent", {.min = 0, .max = 100});
  r.points = optional("points", {.min = -1000, .max = 0});
  if (good && r.fund_percent > 0 && r.fine_fen == 0) {
    t.problem("fund_percent", "a share of the fine needs a fine (fine_fen)");
    good = false;
  }
  if (!good) return std::nullopt;
  return r;
}

}  // namespace

std::string report_kind_zh(ReportKind k) {
  return k == ReportKind::kDaily ? "日报" : k == ReportKind::kWeekly ? "周报" : "月报";
}

std::optional<ReportsPolicy> read_reports_section(const policy::Document& doc, bool& ok) {
  auto s = doc.root().table("reports", false);
  if (!s) return std::nullopt;
  ReportsPolicy p;
  bool good = true;
  if (auto roles = s->texts("roles", kSectionRoles)) {
    p.roles = *roles;
    if (p.roles.empty()) {
      s->problem("roles", "name at least one role that writes reports");
      good = false;
    }
  } else {
    good = false;
  }
  if (auto days = s->integer("objection_days", {.min = 0, .max = 366}))
    p.objection_days = *days;
  else
    good = false;
  std::set<ReportKind> seen;
  for (const auto& t : s->tables("kind")) {
    if (auto r = read_kind(t, seen))
      p.kinds.push_back(std::move(*r));
    else
      good = false;
  }
  if (good && p.kinds.empty()) {
    s->problem("kind", "list at least one kind of report ([[reports.kind]])");
    good = false;
  }
  if (!good) {
    ok = false;
    return std::nullopt;
  }
  return p;
}

policy::RuleSection describe_reports(const ReportsPolicy& p) {
  policy::RuleSection s{"reports", "工作汇报", "Work reports", {}, {}};
  s.zh.push_back(util::join(p.roles, "、") + "按期向直接主管提交工作汇报，抄送本组助理；主管与经理须逐份回复");
  s.en.push_back("Reports are written by " + util::join(p.roles, ", ") +
                 " to the direct supervisor, cc the team's assistant; supervisors and managers answer every one");
  s.zh.push_back("有正当理由者可在罚款记入后 " + std::to_string(p.objection_days) +
                 " 天内申诉，经理撤销则罚款与经费份额退回");
  s.en.push_back("A good reason is argued by objection within " + std::to_string(p.objection_days) +
                 " days of the entry; withdrawn, the fine and the fund's share go back");
  for (const auto& r : p.kinds) {
    const std::string at = util::clock_time(r.due_minute);
    std::string zh = report_kind_zh(r.kind), en = std::string(report_kind_name(r.kind)) + " report";
    if (r.due_day == DueDay::kSameDay) {
      zh += "：当天 " + at + " 前提交";
      en += ": due the same day by " + at;
    } else if (r.due_day == DueDay::kWeekday) {
      zh += "：每周周" + std::string(kWeekdayZh[static_cast<int>(r.due_weekday) - 1]) + " " + at + " 前提交";
      en += ": due " + std::string(policy::weekday_name(r.due_weekday)) + " " + at + " of its week";
    } else {
      zh += "：每月第一个工作日 " + at + " 前提交上月月报";
      en += ": due by " + at + " on the first working day of the next month";
    }
    std::vector<std::string> zc, ec;
    if (r.fine_fen) {
      zc.push_back("罚款 " + yuan_text(r.fine_fen) + " 元" +
                   (r.fund_percent ? "（" + std::to_string(r.fund_percent) + "% 计入部门活动经费）" : ""));
      ec.push_back("a fine of " + yuan_text(r.fine_fen) + " yuan" +
                   (r.fund_percent ? " (" + std::to_string(r.fund_percent) + "% into the team's activity fund)" : ""));
    }
    if (r.points) {
      zc.push_back("绩效分 " + signed_points(r.points));
      ec.push_back(signed_points(r.points) + " points");
    }
    if (zc.empty()) {
      zh += "；未交只记录，不处罚";
      en += "; a missing one is recorded, no cost";
    } else {
      zh += std::string("；") + (r.late_as_missing ? "迟交或未交" : "未交（迟交不罚）") + "：" + util::join(zc, "，");
      en += std::string("; ") + (r.late_as_missing ? "late or missing" : "missing (late is free)") + ": " +
            util::join(ec, ", ");
    }
    if (r.kind != ReportKind::kDaily) {
      zh += r.skip_without_work ? "；整周（月）放假则不需提交" : "；放假周（月）照常提交";
      en += r.skip_without_work ? "; none is asked for a period without a working day"
                                : "; asked even for a period without a working day";
    }
    s.zh.push_back(zh + " [" + r.item + "]");
    s.en.push_back(en + " [" + r.item + "]");
  }
  return s;
}

bool check_report_example(const policy::Table& ex, const ReportsPolicy* p, const policy::Header* h) {
  const std::string name = ex.text("name").value_or("?");
  auto kind_text = ex.choice("kind", {"daily", "weekly", "monthly"});
  auto period_text = ex.text("period");
  std::optional<calendar::LocalDate> on;
  std::optional<int> at;
  if (auto sub = ex.table("submitted", false)) {
    on = sub->date("on");
    at = sub->time_of_day("at");
    if (!on || !at) return false;
  }
  auto expect = ex.table("expect");
  if (!expect) return false;
  auto standing = expect->choice("standing", {"on_time", "late", "missing", "not_asked"});
  auto want_fine = expect->integer("fine_fen", {.min = 0}, false);
  auto want_fund = expect->integer("fund_fen", {.min = 0}, false);
  auto want_points = expect->integer("points", {.min = -1000, .max = 0}, false);
  if (!kind_text || !period_text || !standing || !p || !h) return false;
  const ReportKind kind = *parse_report_kind(*kind_text);
  const ReportRule* rule = nullptr;
  for (const auto& r : p->kinds)
    if (r.kind == kind) rule = &r;
  if (!rule) {
    ex.problem("kind", "example \"" + name + "\": the policy asks for no " + *kind_text + " report");
    return false;
  }
  auto period = report_period(kind, *period_text, h->week_starts_on);
  if (!period) {
    ex.problem("period", "example \"" + name + "\": \"" + *period_text + "\" is no " + *kind_text + " period");
    return false;
  }
  const IsWorking working = [h](const calendar::LocalDate& d) {
    return h->working_days[static_cast<size_t>(d.weekday()) - 1];
  };
  std::string got = "not_asked";
  ReportCost cost;
  if (report_asked(*rule, *period, working)) {
    // Local minutes since 1970 stand in for instants: the example has no zone.
    const long long due = due_date(*rule, *period, working).days() * 1440 + rule->due_minute;
    std::optional<long long> sent;
    if (on) sent = on->days() * 1440 + *at;
    const ReportStanding s = judge_report(sent, due);
    got = std::string(report_standing_name(s));
    if (auto c = report_cost(*rule, s)) cost = *c;
  }
  auto differs = [&](const char* key, const std::string& g, const std::string& w) {
    if (g != w)
      expect->problem(key, "example \"" + name + "\": " + key + " comes out " + g + ", the example expects " + w);
  };
  differs("standing", got, *standing);
  if (want_fine) differs("fine_fen", std::to_string(cost.fine_fen), std::to_string(*want_fine));
  if (want_fund) differs("fund_fen", std::to_string(cost.fund_fen), std::to_string(*want_fund));
  if (want_points) differs("points", std::to_string(cost.points), std::to_string(*want_points));
  return true;
}

}  // namespace waihu::discipline
