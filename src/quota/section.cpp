#include "quota/section.hpp"

#include <algorithm>
#include <set>

#include "kpi/definitions.hpp"
#include "quota/rules.hpp"
#include "util/strings.hpp"

namespace waihu::quota {

namespace {
std::optional<std::string> metric(const policy::Table& t, std::string_view key, bool required) {
  auto name = t.text(key, required);
  if (name && !kpi::is_metric(*name)) {
    t.problem(key, "unknown metric '" + *name + "'");
    return std::nullopt;
  }
  return name;
}

// "5" for 500 fen, "0.50" for 50: as a regulation writes an amount.
std::string yuan(long long fen) { return fen % 100 == 0 ? std::to_string(fen / 100) : util::format_yuan(fen); }
}  // namespace

std::optional<QuotaPolicy> read_quotas_section(const policy::Document& doc, bool& ok) {
  auto section = doc.root().table("quotas", false);
  if (!section) return std::nullopt;
  QuotaPolicy p;
  const bool stated = section->has("new_hire");
  if (auto nh = section->table("new_hire", false)) {
    p.new_hire.in_company_under_days = nh->integer("in_company_under_days", {.min = 1, .max = 3660}, false);
    p.new_hire.in_company_under_months = nh->integer("in_company_under_months", {.min = 1, .max = 120}, false);
    p.new_hire.prior_months_under = nh->integer("prior_months_under", {.min = 1, .max = 600}, false);
    const int conditions = (p.new_hire.in_company_under_days ? 1 : 0) + (p.new_hire.in_company_under_months ? 1 : 0) +
                           (p.new_hire.prior_months_under ? 1 : 0);
    if (conditions == 0) {
      nh->problem("", "state who is a new hire: in_company_under_days, in_company_under_months or prior_months_under");
      ok = false;
    }
    if (conditions > 1) {
      // Seed 003 方案1 can be read either way: the policy must say.
      if (auto when = nh->choice("when", {"all", "any"}))
        p.new_hire.all = *when == "all";
      else
        ok = false;
    } else if (nh->has("when")) {
      nh->problem("when", "'when' joins two or more conditions; with one it does nothing");
      ok = false;
    }
  }
  std::set<std::string> seen;
  const auto daily = section->tables("daily");
  if (daily.empty()) {
    section->problem("daily", "a [quotas] section sets at least one [[quotas.daily]] target");
    ok = false;
  }
  for (const auto& t : daily) {
    DailyTarget d;
    auto m = metric(t, "metric", true);
    auto target = t.integer("target", {.min = 0, .max = 1'000'000'000});
    auto fine = t.integer("fine_per_unit_fen", {.min = 0, .max = 100'000'000});
    std::optional<long long> nh_target;
    std::optional<std::string> nh_metric;
    if (stated) {
      nh_target = t.integer("new_hire_target", {.min = 0, .max = 1'000'000'000});
      nh_metric = t.has("new_hire_metric") ? metric(t, "new_hire_metric", true) : m;
    } else {
      for (const char* k : {"new_hire_target", "new_hire_metric"})
        if (t.has(k)) t.problem(k, "no [quotas] new_hire rule says who is a new hire");
      nh_target = target;
      nh_metric = m;
    }
    if (!m || !target || !fine || !nh_target || !nh_metric) {
      ok = false;
      continue;
    }
    if (!seen.insert(*m).second) {
      t.problem("metric", "a second daily target on '" + *m + "'");
      ok = false;
    }
    d.metric = *m;
    d.target = *target;
    d.fine_per_unit_fen = *fine;
    d.new_hire_target = *nh_target;
    d.new_hire_metric = *nh_metric;
    p.daily.push_back(std::move(d));
  }
  // visits = { rounding = "up" }: an approved visit lowers the targets pro rata to the time out.
  if (auto v = section->table("visits", false)) {
    if (auto r = v->choice("rounding", {"up", "down", "half_up"}))
      p.visits = VisitRule{*r == "up"     ? VisitRounding::kUp
                           : *r == "down" ? VisitRounding::kDown
                                          : VisitRounding::kHalfUp};
    else
      ok = false;
  }
  // [quotas.shortfall] check_time = "17:50", stay_late = "until_done" | "extension" (extension_minutes = 30),
  // extension_counts, sunday_overtime.
  if (auto sf = section->table("shortfall", false)) {
    ShortfallRule r;
    auto check = sf->time_of_day("check_time");
    if (check) r.check_minute = *check;
    bool good = check.has_value();
    auto stay = sf->choice("stay_late", {"until_done", "extension"});
    good = good && stay;
    if (stay == "extension") {
      auto minutes = sf->integer("extension_minutes", {.min = 1, .max = 240});
      good = good && minutes;
      r.stay_late_minutes = static_cast<int>(minutes.value_or(30));
    } else if (sf->has("extension_minutes")) {
      sf->problem("extension_minutes", "only with stay_late = \"extension\"");
    }
    if (r.stay_late_minutes) {
      // Choice 10: both must be said when the extension has an end.
      auto counts = sf->boolean("extension_counts");
      auto sunday = sf->choice("sunday_overtime", {"none", "per_week", "per_day"});
      good = good && counts && sunday;
      if (counts) r.extension_counts = *counts;
      if (sunday)
        r.sunday = *sunday == "per_week"  ? SundayOvertime::kPerWeek
                   : *sunday == "per_day" ? SundayOvertime::kPerDay
                                          : SundayOvertime::kNone;
    } else {
      for (const char* k : {"extension_counts", "sunday_overtime"})
        if (sf->has(k)) sf->problem(k, "staying until done has no end: nothing is left after it");
    }
    // Optional: a regulation that names nobody to sign the count off has no such step.
    if (sf->has("approval")) {
      auto who = sf->choice("approval", {"none", "supervisor", "manager"});
      good = good && who;
      r.approval = who == "manager"      ? CountApproval::kManager
                   : who == "supervisor" ? CountApproval::kSupervisor
                                         : CountApproval::kNone;
    }
    if (good)
      p.shortfall = r;
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return p;
}

policy::RuleSection describe_quotas(const QuotaPolicy& p) {
  policy::RuleSection s{"quotas", "每日指标（日清日结）", "Daily quotas", {}, {}};
  std::string who_zh, who_en;
  std::vector<std::string> zh_parts, en_parts;
  if (p.new_hire.in_company_under_days) {
    zh_parts.push_back("入职不满 " + std::to_string(*p.new_hire.in_company_under_days) + " 天");
    en_parts.push_back("in the company under " + std::to_string(*p.new_hire.in_company_under_days) + " days");
  }
  if (p.new_hire.in_company_under_months) {
    zh_parts.push_back("入职不满 " + std::to_string(*p.new_hire.in_company_under_months) + " 个月");
    en_parts.push_back("in the company under " + std::to_string(*p.new_hire.in_company_under_months) + " months");
  }
  if (p.new_hire.prior_months_under) {
    zh_parts.push_back("入职前电话销售经验不满 " + std::to_string(*p.new_hire.prior_months_under) + " 个月");
    en_parts.push_back("under " + std::to_string(*p.new_hire.prior_months_under) +
                       " months of telesales before joining");
  }
  for (size_t i = 0; i < zh_parts.size(); ++i) {
    who_zh += (i ? (p.new_hire.all ? "且" : "或") : "") + zh_parts[i];
    who_en += (i ? (p.new_hire.all ? " and " : " or ") : "") + en_parts[i];
  }
  for (const auto& d : p.daily) {
    const auto [zh, en] = kpi::metric_label(d.metric);
    std::string line_zh = "每日" + zh + " " + std::to_string(d.target);
    std::string line_en = "Every day " + std::to_string(d.target) + " " + en;
    if (!who_zh.empty()) {
      const auto [nh_zh, nh_en] = kpi::metric_label(d.new_hire_metric);
      line_zh += "；" + who_zh + "的新人 " + (d.new_hire_metric == d.metric ? "" : nh_zh + " ") +
                 std::to_string(d.new_hire_target);
      line_en += "; new hires (" + who_en + ") " + std::to_string(d.new_hire_target) + " " + nh_en;
    }
    if (d.fine_per_unit_fen > 0) {
      line_zh += "；每少一个罚 " + yuan(d.fine_per_unit_fen) + " 元";
      line_en += "; a fine of " + yuan(d.fine_per_unit_fen) + " yuan per unit short";
    } else {
      line_zh += "；未完成不罚款";
      line_en += "; no fine for a shortfall";
    }
    s.zh.push_back(line_zh);
    s.en.push_back(line_en);
  }
  if (p.visits) {
    const char* zh = p.visits->rounding == VisitRounding::kUp     ? "向上取整"
                     : p.visits->rounding == VisitRounding::kDown ? "向下取整"
                                                                  : "四舍五入";
    const char* en = p.visits->rounding == VisitRounding::kUp     ? "rounded up"
                     : p.visits->rounding == VisitRounding::kDown ? "rounded down"
                                                                  : "rounded half up";
    s.zh.push_back(std::string("经批准外出拜访客户的，当日指标按外出时间占作业时间的比例减少（") + zh + "）");
    s.en.push_back(std::string("An approved customer visit lowers the day's targets pro rata to the time out of the "
                               "workday (") +
                   en + ")");
  } else {
    s.zh.push_back("外出拜访不减少当日指标");
    s.en.push_back("A customer visit does not lower the day's targets");
  }
  if (p.shortfall) {
    const ShortfallRule& r = *p.shortfall;
    const std::string hm = util::clock_time(r.check_minute);
    if (!r.stay_late_minutes) {
      s.zh.push_back(hm + " 统计，未完成者留下直到完成");
      s.en.push_back("Counted at " + hm + "; whoever is short stays until done");
    } else {
      const std::string m = std::to_string(*r.stay_late_minutes);
      s.zh.push_back(hm + " 统计，未完成者延时 " + m + " 分钟" +
                     (r.extension_counts ? "（延时内完成的计入当天）" : "（延时内完成的不计入当天）"));
      s.en.push_back("Counted at " + hm + "; whoever is short stays " + m + " minutes" +
                     (r.extension_counts ? " (work finished then counts for the day)"
                                         : " (work finished then does not clear the day)"));
      if (r.sunday != SundayOvertime::kNone) {
        const bool week = r.sunday == SundayOvertime::kPerWeek;
        s.zh.push_back(std::string("延时后仍未完成的，周日加班（") + (week ? "每周一次" : "每个未完成日一次") + "）");
        s.en.push_back(std::string("Still short after it: Sunday overtime (") +
                       (week ? "once a week" : "once per day short") + ")");
      }
    }
    if (r.approval != CountApproval::kNone) {
      const bool manager = r.approval == CountApproval::kManager;
      s.zh.push_back(std::string("统计结果交") + (manager ? "部门经理" : "主管") + "审核");
      s.en.push_back(std::string("The count is signed off by the ") + (manager ? "department manager" : "supervisor"));
    }
  }
  return s;
}

std::optional<QuotaExample> read_quota_example(const policy::Table& example) {
  QuotaExample e;
  auto hired = example.date("hired");
  auto day = example.date("day");
  e.prior_months = example.integer("prior_months", {.min = 0, .max = 600}, false).value_or(0);
  e.visit_minutes = example.integer("visit_minutes", {.min = 0, .max = 1440}, false).value_or(0);
  bool ok = hired && day;
  if (auto figures = example.table("figures")) {
    for (const auto& key : figures->keys()) {
      auto v = figures->integer(key, {.min = 0});
      if (!kpi::is_metric(key)) figures->problem(key, "unknown metric '" + key + "'");
      if (!v || !kpi::is_metric(key)) {
        ok = false;
        continue;
      }
      e.figures[key] = *v;
    }
  } else {
    ok = false;
  }
  if (!ok) return std::nullopt;
  e.hired = *hired;
  e.day = *day;
  return e;
}

void check_quota_example(const policy::Table& expect, const std::string& name, const QuotaPolicy* policy,
                         const QuotaExample* facts, long long workday_minutes) {
  std::optional<bool> new_hire;
  std::vector<QuotaResult> results;
  if (policy && facts) {
    new_hire = is_new_hire(policy->new_hire, facts->hired, facts->prior_months, facts->day);
    results = evaluate_day(*policy, facts->figures, *new_hire, {facts->visit_minutes, workday_minutes});
  }
  auto differs = [&](const policy::Table& t, const std::string& key, long long got, long long want) {
    if (got != want) {
      t.problem(key, "example \"" + name + "\": " + key + " comes out " + std::to_string(got) +
                         ", the example expects " + std::to_string(want));
    }
  };
  if (auto want = expect.boolean("new_hire", false); want && new_hire && *want != *new_hire) {
    expect.problem("new_hire", "example \"" + name + "\": new_hire comes out " + (*new_hire ? "true" : "false"));
  }
  if (auto want = expect.integer("fine_fen", {.min = 0}, false); want && new_hire) {
    long long total = 0;
    for (const auto& r : results) total += r.fine_fen;
    differs(expect, "fine_fen", total, *want);
  }
  for (const char* what : {"short", "target"}) {
    auto table = expect.table(what, false);
    if (!table) continue;
    for (const auto& key : table->keys()) {
      auto want = table->integer(key, {.min = 0});
      const auto it =
          std::find_if(results.begin(), results.end(), [&](const QuotaResult& r) { return r.metric == key; });
      if (new_hire && it == results.end()) {
        table->problem(key, "example \"" + name + "\": no target counts '" + key + "' for this person");
        continue;
      }
      if (!want || !new_hire) continue;
      differs(*table, key, std::string(what) == "short" ? it->short_by : it->target, *want);
    }
  }
}

}  // namespace waihu::quota
