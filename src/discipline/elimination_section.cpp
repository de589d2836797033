#include "discipline/elimination_section.hpp"

#include <algorithm>
#include <map>

#include "discipline/elimination_rules.hpp"
#include "discipline/section_text.hpp"
#include "kpi/definitions.hpp"

namespace waihu::discipline {

namespace {
std::optional<EliminationRule> read_rule(const policy::Table& t) {
  // Every key the rule's kind uses is read even when another is wrong, so each problem is named at once.
  auto when = t.choice("when", {"bottom", "below", "below_months", "zero"});
  auto proposes = t.choice("proposes", {"warning", "elimination"});
  EliminationRule r;
  bool good = when && proposes;
  if (proposes) r.proposes = *proposes == "elimination" ? Proposal::kElimination : Proposal::kWarning;
  if (when == "bottom") {
    r.when = EliminationTrigger::kBottom;
    auto count = t.integer("count", {.min = 1, .max = 1000});
    auto among = t.choice("among", {"company", "team"});
    good = good && count && among;
    if (count) r.count = *count;
    r.among_team = among == "team";
  } else if (when == "zero") {
    r.when = EliminationTrigger::kZero;
  } else if (when) {
    r.when = *when == "below" ? EliminationTrigger::kBelow : EliminationTrigger::kBelowMonths;
    auto under = t.integer("under", {.min = 1});
    good = good && under;
    if (under) r.under = *under;
    if (r.when == EliminationTrigger::kBelowMonths) {
      auto months = t.integer("months", {.min = 2, .max = 12});
      good = good && months;
      if (months) r.months = *months;
    }
  }
  if (!good) return std::nullopt;
  return r;
}

std::string figure_text(const std::string& metric, long long v) {
  return metric.size() > 4 && metric.ends_with("_fen") ? yuan_text(v) + " 元" : std::to_string(v);
}
std::string figure_text_en(const std::string& metric, long long v) {
  return metric.size() > 4 && metric.ends_with("_fen") ? yuan_text(v) + " yuan" : std::to_string(v);
}
}  // namespace

std::optional<EliminationPolicy> read_elimination_section(const policy::Document& doc, bool& ok) {
  auto s = doc.root().table("elimination", false);
  if (!s) return std::nullopt;
  EliminationPolicy p;
  auto roles = s->texts("roles", kSectionRoles);
  auto metric = s->text("metric");
  if (metric && !kpi::is_metric(*metric)) {
    s->problem("metric", "unknown metric '" + *metric + "'");
    metric.reset();
  }
  bool good = roles && metric;
  if (roles && roles->empty()) {
    s->problem("roles", "name at least one role that is ranked");
    good = false;
  }
  for (const auto& t : s->tables("rule")) {
    auto r = read_rule(t);
    if (!r)
      good = false;
    else
      p.rules.push_back(*r);
  }
  if (good && p.rules.empty()) {
    s->problem("rule", "give at least one [[elimination.rule]]");
    good = false;
  }
  if (!good) {
    ok = false;
    return std::nullopt;
  }
  p.roles = *roles;
  p.metric = *metric;
  return p;
}

policy::RuleSection describe_elimination(const EliminationPolicy& p) {
  policy::RuleSection s{"elimination", "末位淘汰", "Month-end elimination", {}, {}};
  std::string roles;
  for (const auto& r : p.roles) roles += (roles.empty() ? "" : ", ") + r;
  s.zh.push_back("每月底按 " + p.metric + " 排名（" + roles +
                 "），下列情形列入名单，由经理确认警告或淘汰，或写明理由不处理");
  s.en.push_back("At month end " + roles + " are ranked by " + p.metric +
                 "; the cases below are listed for a manager to confirm a warning or an elimination, or to override "
                 "with a reason");
  for (const auto& r : p.rules) {
    const std::string zh_to = r.proposes == Proposal::kElimination ? "淘汰" : "警告";
    const std::string en_to = std::string(proposal_name(r.proposes));
    switch (r.when) {
      case EliminationTrigger::kBottom:
        s.zh.push_back(std::string(r.among_team ? "本组" : "全公司") + "排名后 " + std::to_string(r.count) +
                       " 位（并列者一并列入）：" + zh_to);
        s.en.push_back("Bottom " + std::to_string(r.count) + " of the " + (r.among_team ? "team" : "company") +
                       " (ties at the edge included): " + en_to);
        break;
      case EliminationTrigger::kBelow:
        s.zh.push_back("当月低于 " + figure_text(p.metric, r.under) + "：" + zh_to);
        s.en.push_back("Below " + figure_text_en(p.metric, r.under) + " in the month: " + en_to);
        break;
      case EliminationTrigger::kBelowMonths:
        s.zh.push_back("连续 " + std::to_string(r.months) + " 个月低于 " + figure_text(p.metric, r.under) + "：" +
                       zh_to);
        s.en.push_back(std::to_string(r.months) + " months in a row below " + figure_text_en(p.metric, r.under) + ": " +
                       en_to);
        break;
      case EliminationTrigger::kZero:
        s.zh.push_back("当月为零：" + zh_to);
        s.en.push_back("A month at zero: " + en_to);
        break;
    }
  }
  return s;
}

bool check_elimination_example(const policy::Table& ex, const EliminationPolicy* p) {
  const std::string name = ex.text("name").value_or("?");
  auto figures = ex.table("figures");
  auto expect = ex.table("expect");
  auto previous = ex.table("previous", false);
  if (!figures || !expect) return false;
  std::vector<MonthFigure> people;
  std::map<long long, std::string> names;
  for (const auto& key : figures->keys()) {
    auto v = figures->integer(key, {.min = 0});
    if (!v) continue;
    MonthFigure f{static_cast<long long>(people.size()) + 1, 0, *v, {}};
    names[f.user_id] = key;
    people.push_back(std::move(f));
  }
  if (previous) {
    for (const auto& key : previous->keys()) {
      auto it = std::find_if(names.begin(), names.end(), [&](const auto& n) { return n.second == key; });
      if (it == names.end()) {
        previous->problem(key, "no figure for '" + key + "' this month");
        continue;
      }
      if (auto before = previous->integer(key, {.min = 0}))
        people[static_cast<size_t>(it->first - 1)].previous = {*before};
    }
  }
  std::map<std::string, std::string> want;
  for (const auto& key : expect->keys()) {
    if (auto v = expect->choice(key, {"warning", "elimination"})) want[key] = *v;
    if (std::none_of(names.begin(), names.end(), [&](const auto& n) { return n.second == key; }))
      expect->problem(key, "no figure for '" + key + "' this month");
  }
  if (!p) return false;
  std::map<std::string, std::string> got;
  for (const auto& c : eliminations(*p, people)) got[names.at(c.user_id)] = std::string(proposal_name(c.proposes));
  for (const auto& [id, who] : names) {
    const std::string g = got.count(who) ? got.at(who) : "nothing";
    const std::string w = want.count(who) ? want.at(who) : "nothing";
    if (g != w)
      (want.count(who) ? *expect : *figures)
          .problem(who, "example \"" + name + "\": " + who + " gets " + g + ", the example expects " + w);
  }
  return true;
}

}  // namespace waihu::discipline
