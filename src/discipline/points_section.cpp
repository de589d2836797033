#include "discipline/points_section.hpp"

#include <set>

#include "discipline/attendance_rules.hpp"
#include "discipline/points_rules.hpp"
#include "discipline/section_text.hpp"
#include "util/strings.hpp"

namespace waihu::discipline {

namespace {

std::optional<PointsItem> read_item(const policy::Table& t, std::set<std::string>& seen) {
  PointsItem i;
  bool good = true;
  auto need = [&](auto v) {
    if (!v) good = false;
    return v;
  };
  if (auto key = need(t.text("key"))) {
    i.key = *key;
    if (!is_item_key(i.key)) {
      t.problem("key", "a key is lower-case letters, digits and _ (\"personal_call\")");
      good = false;
    } else if (is_automatic_item(i.key)) {
      t.problem("key",
                "\"" + i.key + "\" is written by the closing runs ([attendance], [quotas]); not a catalogue item");
      good = false;
    } else if (!seen.insert(i.key).second) {
      t.problem("key", "\"" + i.key + "\" is in the catalogue twice");
      good = false;
    }
  }
  i.zh = need(t.text("zh")).value_or("");
  i.en = need(t.text("en")).value_or("");
  i.points = need(t.integer("points", {.min = -1000, .max = 1000})).value_or(0);
  i.fine_fen = t.integer("fine_fen", {.min = 0, .max = 100'000'000}, false).value_or(0);
  auto dismissal = t.choice("dismissal", {"never", "always", "if_serious"}, false);
  if (t.has("dismissal") && !dismissal) good = false;
  const std::string d = dismissal.value_or("never");
  i.dismissal = d == "always" ? Dismissal::kAlways : d == "if_serious" ? Dismissal::kIfSerious : Dismissal::kNever;
  if (good && i.dismissal == Dismissal::kAlways && (i.points != 0 || i.fine_fen != 0)) {
    t.problem("points", "an item that always raises a dismissal case carries no points or fine (set them to 0)");
    good = false;
  }
  if (good && i.dismissal != Dismissal::kAlways && i.points == 0 && i.fine_fen == 0) {
    t.problem("points", "the item costs nothing: give it points or a fine");
    good = false;
  }
  if (!good) return std::nullopt;
  return i;
}
}  // namespace

std::optional<PointsPolicy> read_points_section(const policy::Document& doc, bool& ok) {
  auto s = doc.root().table("points", false);
  if (!s) return std::nullopt;
  PointsPolicy p;
  bool good = true;
  auto need = [&](auto v) {
    if (!v) good = false;
    return v;
  };
  if (auto roles = need(s->texts("roles", kSectionRoles))) {
    p.roles = *roles;
    if (p.roles.empty()) {
      s->problem("roles", "name at least one role that keeps a points ledger");
      good = false;
    }
  }
  p.base = need(s->integer("base", {.min = 0, .max = 10000})).value_or(0);
  if (auto bonus = need(s->table("bonus"))) {
    p.bonus_above = need(bonus->integer("above", {.min = 0, .max = 100000})).value_or(0);
    p.bonus_fen = need(bonus->integer("fen", {.min = 0, .max = 100'000'000})).value_or(0);
  }
  if (auto penalty = need(s->table("penalty"))) {
    p.penalty_below = need(penalty->integer("below", {.min = 0, .max = 100000})).value_or(0);
    p.penalty_fen = need(penalty->integer("fen", {.min = 0, .max = 100'000'000})).value_or(0);
  }
  if (good && p.penalty_below >= p.bonus_above) {
    s->problem("penalty", "the penalty threshold must lie below the bonus threshold");
    good = false;
  }
  if (auto t = need(s->choice("thresholds", {"exclusive", "inclusive"}))) p.inclusive = *t == "inclusive";
  p.objection_days = need(s->integer("objection_days", {.min = 0, .max = 366})).value_or(0);
  std::set<std::string> seen;
  for (const auto& t : s->tables("item")) {
    if (auto i = read_item(t, seen))
      p.items.push_back(std::move(*i));
    else
      good = false;
  }
  if (!good) {
    ok = false;
    return std::nullopt;
  }
  return p;
}

policy::RuleSection describe_points(const PointsPolicy& p) {
  policy::RuleSection s{"points", "绩效分", "Performance points", {}, {}};
  const std::string above = std::to_string(p.bonus_above), below = std::to_string(p.penalty_below);
  s.zh.push_back("每月基础分 " + std::to_string(p.base) + " 分（" + util::join(p.roles, "、") + "）");
  s.en.push_back("Every month starts at " + std::to_string(p.base) + " points (" + util::join(p.roles, ", ") + ")");
  s.zh.push_back("月底" + std::string(p.inclusive ? "达到 " : "高于 ") + above + " 分奖 " + yuan_text(p.bonus_fen) +
                 " 元，" + (p.inclusive ? "不高于 " : "低于 ") + below + " 分扣 " + yuan_text(p.penalty_fen) + " 元" +
                 (p.inclusive ? "（含本数）" : "（正好 " + above + " 或 " + below + " 分不奖不罚）"));
  s.en.push_back("Month end " + std::string(p.inclusive ? "at or above " : "above ") + above + ": a bonus of " +
                 yuan_text(p.bonus_fen) + " yuan; " + (p.inclusive ? "at or below " : "below ") + below + ": " +
                 yuan_text(p.penalty_fen) + " yuan off" +
                 (p.inclusive ? " (the thresholds included)" : " (exactly " + above + " or " + below + ": nothing)"));
  s.zh.push_back("对一条记录可申诉一次，录入后 " + std::to_string(p.objection_days) + " 天内，由经理裁决");
  s.en.push_back("An entry may be objected to once, within " + std::to_string(p.objection_days) +
                 " days of being entered; a manager decides");
  for (const auto& i : p.items) {
    std::string zh = i.zh + "：", en = i.en + ": ";
    if (i.dismissal == Dismissal::kAlways) {
      zh += "直接解雇（提交经理处理）";
      en += "dismissal (a case for a manager)";
    } else {
      zh += "绩效分 " + signed_points(i.points) + (i.fine_fen ? "，罚 " + yuan_text(i.fine_fen) + " 元" : "");
      en += signed_points(i.points) + " points" + (i.fine_fen ? ", a fine of " + yuan_text(i.fine_fen) + " yuan" : "");
      if (i.dismissal == Dismissal::kIfSerious) {
        zh += "；严重者解雇（提交经理处理）";
        en += "; serious cases: dismissal (a case for a manager)";
      }
    }
    s.zh.push_back(zh + " [" + i.key + "]");
    s.en.push_back(en + " [" + i.key + "]");
  }
  return s;
}

std::optional<FabricationPolicy> read_fabrication_section(const policy::Document& doc, bool& ok) {
  auto s = doc.root().table("fabrication", false);
  if (!s) return std::nullopt;
  auto fine = s->integer("fine_fen", {.min = 0, .max = 100'000'000});
  auto points = s->integer("points", {.min = -1000, .max = 0}, false);
  if (!fine || (s->has("points") && !points)) {
    ok = false;
    return std::nullopt;
  }
  return FabricationPolicy{*fine, points.value_or(0)};
}

policy::RuleSection describe_fabrication(const FabricationPolicy& p) {
  policy::RuleSection s{"fabrication", "虚报", "Fabricated records", {}, {}};
  std::string zh = "通话或跟进记录经查实虚报的，每条罚 " + yuan_text(p.fine_fen) + " 元";
  std::string en = "A call or follow-up found fabricated costs " + yuan_text(p.fine_fen) + " yuan a record";
  if (p.points) {
    zh += "，绩效分 " + signed_points(p.points);
    en += " and " + signed_points(p.points) + " points";
  }
  s.zh.push_back(zh + "；该记录不再计入任何数据");
  s.en.push_back(en + "; the record counts in no figure from then on");
  return s;
}

bool check_points_example(const policy::Table& ex, const PointsPolicy* p, const AttendancePolicy* a) {
  const std::string name = ex.text("name").value_or("?");
  // entries = { personal_call = 2, late = 1 }: each item and how often it was entered.
  std::vector<std::pair<std::string, long long>> listed;
  if (auto entries = ex.table("entries", false)) {
    for (const auto& key : entries->keys())
      if (auto n = entries->integer(key, {.min = 1, .max = 100})) listed.emplace_back(key, *n);
  }
  const long long other = ex.integer("other_points", {.min = -100000, .max = 100000}, false).value_or(0);
  auto expect = ex.table("expect");
  if (!expect) return false;
  auto want_end = expect->integer("end", {.min = -100000, .max = 100000}, false);
  auto want_bonus = expect->integer("bonus_fen", {.min = 0}, false);
  auto want_penalty = expect->integer("penalty_fen", {.min = 0}, false);
  auto want_fine = expect->integer("fine_fen", {.min = 0}, false);
  if (!p) return false;
  long long points = other, fines = 0;
  for (const auto& [key, times] : listed) {
    if (const PointsItem* i = find_item(*p, key)) {
      points += i->points * times;
      fines += i->fine_fen * times;
    } else if (a && (key == "late" || key == "early")) {
      points += a->minor_points * times;
      fines += a->minor_fine_fen * times;
    } else if (a && key == "absent_half_day") {
      points += a->half_day_points * times;
    } else if (a && key == "absent_day") {
      points += a->day_points * times;
    } else {
      ex.problem("entries", "example \"" + name + "\": \"" + key + "\" is no item of the catalogue" +
                                (a ? "" : " (late/early/absent_* need an [attendance] section)"));
      return false;
    }
  }
  const MonthEnd m = judge_month(*p, points);
  auto differs = [&](const char* key, long long g, long long w) {
    if (g != w)
      expect->problem(key, "example \"" + name + "\": " + key + " comes out " + std::to_string(g) +
                               ", the example expects " + std::to_string(w));
  };
  if (want_end) differs("end", m.end, *want_end);
  if (want_bonus) differs("bonus_fen", m.bonus_fen, *want_bonus);
  if (want_penalty) differs("penalty_fen", m.penalty_fen, *want_penalty);
  if (want_fine) differs("fine_fen", fines, *want_fine);
  return true;
}

}  // namespace waihu::discipline
