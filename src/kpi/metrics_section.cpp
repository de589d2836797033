#include "kpi/metrics_section.hpp"

namespace waihu::kpi {

namespace {

std::optional<calls::RecordFacts> read_record(const policy::Table& t, bool required) {
  auto fields = t.texts("record", {"company", "contact", "title", "phone", "headcount", "it_status", "fax"}, required);
  if (!fields) return std::nullopt;
  calls::RecordFacts r;
  for (const auto& f : *fields) r.filled.push_back(*calls::parse_record_field(f));
  return r;
}

// An array of integers (amounts in fen), each non-negative.
bool read_amounts(const policy::Table& t, std::string_view key, std::vector<long long>& out) {
  bool ok = true;
  for (const auto& row : t.tables(key)) {
    if (auto v = row.integer("fen", {.min = 0}))
      out.push_back(*v);
    else
      ok = false;
  }
  return ok;
}
}  // namespace

std::optional<KpiPolicy> read_metrics_section(const policy::Document& doc) {
  auto section = doc.root().table("metrics");
  if (!section) return std::nullopt;
  KpiPolicy p;
  bool ok = true;
  if (auto r = section->choice("talk_minutes", {"per_call_round_up", "sum_round_up", "sum_round_down"})) {
    p.talk_minutes = *r == "per_call_round_up" ? TalkRounding::kPerCallUp
                     : *r == "sum_round_up"    ? TalkRounding::kSumRoundUp
                                               : TalkRounding::kSumRoundDown;
  } else {
    ok = false;
  }
  if (auto statuses = section->texts("follow_up_worthy",
                                     {"new", "contacted", "interested", "following", "won", "lost", "invalid"})) {
    p.follow_up_worthy.clear();
    for (const auto& s : *statuses) p.follow_up_worthy.push_back(*crm::parse_status(s));
  } else {
    ok = false;
  }
  if (!ok) return std::nullopt;
  return p;
}

policy::RuleSection describe_metrics(const KpiPolicy& p) {
  policy::RuleSection s{"metrics", "统计口径", "How the figures are counted", {}, {}};
  switch (p.talk_minutes) {
    case TalkRounding::kPerCallUp:
      s.zh.push_back("通话分钟：每通电话不足一分钟按一分钟计，再相加");
      s.en.push_back("Call minutes: each call's started minute counts, then they are added up");
      break;
    case TalkRounding::kSumRoundUp:
      s.zh.push_back("通话分钟：当日通话秒数相加，不足一分钟按一分钟计");
      s.en.push_back("Call minutes: the day's talk seconds added up, a started minute counting");
      break;
    case TalkRounding::kSumRoundDown:
      s.zh.push_back("通话分钟：当日通话秒数相加，只计整分钟");
      s.en.push_back("Call minutes: the day's talk seconds added up, whole minutes only");
      break;
  }
  static const std::map<crm::CustomerStatus, std::pair<std::string, std::string>> kLabels{
      {crm::CustomerStatus::kNew, {"新客户", "new"}},
      {crm::CustomerStatus::kContacted, {"已联系", "contacted"}},
      {crm::CustomerStatus::kInterested, {"意向", "interested"}},
      {crm::CustomerStatus::kFollowing, {"跟进中（可发展）", "following"}},
      {crm::CustomerStatus::kWon, {"已成交", "won"}},
      {crm::CustomerStatus::kLost, {"已流失", "lost"}},
      {crm::CustomerStatus::kInvalid, {"无效", "invalid"}}};
  std::string zh, en;
  for (auto st : p.follow_up_worthy) {
    zh += (zh.empty() ? "" : "、") + kLabels.at(st).first;
    en += (en.empty() ? "" : ", ") + kLabels.at(st).second;
  }
  s.zh.push_back("可持续跟进客户：当天记为" + zh + "的客户，每个客户每天计一次");
  s.en.push_back("Customers worth following up: those set that day to " + en + ", each customer once a day");
  s.zh.push_back("传真：客户记录有联系人、职务、公司、电话和传真号，且此前打过该客户电话，才计一份");
  s.en.push_back(
      "A fax counts only when the customer's record holds contact, title, company, phone and fax number, "
      "after a call to that customer");
  return s;
}

std::optional<DayFacts> read_day_example(const policy::Table& example) {
  DayFacts day;
  bool ok = true;
  for (const auto& c : example.tables("calls")) {
    DayCall call;
    if (auto result = c.choice("result", {"no_answer", "busy", "invalid_number", "refused", "connected",
                                          "callback_requested", "interested", "deal", "failed"})) {
      call.call.result = *calls::parse_call_result(*result);
    } else {
      ok = false;
    }
    call.call.talk_seconds = c.integer("talk_seconds", {.min = 0, .max = 86400}, false).value_or(0);
    if (c.has("record")) {
      call.record = read_record(c, true);
      if (!call.record) ok = false;
    }
    day.calls.push_back(std::move(call));
  }
  for (const auto& f : example.tables("faxes")) {
    DayFax fax;
    auto record = read_record(f, true);
    auto before = f.boolean("called_before");
    if (record && before)
      fax = {*record, *before};
    else
      ok = false;
    day.faxes.push_back(std::move(fax));
  }
  day.complete_follow_ups = example.integer("follow_ups", {.min = 0}, false).value_or(0);
  // Counts per customer status set that day / per grade of the customers created: { interested = 2, A = 1 }.
  if (auto statuses = example.table("statuses", false)) {
    for (const auto& key : statuses->keys()) {
      auto st = crm::parse_status(key);
      auto n = statuses->integer(key, {.min = 0, .max = 10000});
      if (!st) statuses->problem(key, "\"" + key + "\" is not a customer status");
      if (!st || !n) {
        ok = false;
        continue;
      }
      day.statuses_set.insert(day.statuses_set.end(), static_cast<size_t>(*n), *st);
    }
  }
  if (auto grades = example.table("new_customers", false)) {
    for (const auto& key : grades->keys()) {
      const bool known = key == "A" || key == "B" || key == "C" || key == "D" || key == "ungraded";
      auto n = grades->integer(key, {.min = 0, .max = 10000});
      if (!known) grades->problem(key, "grades are A, B, C, D or ungraded, not \"" + key + "\"");
      if (!known || !n) {
        ok = false;
        continue;
      }
      day.new_customer_grades.insert(day.new_customer_grades.end(), static_cast<size_t>(*n),
                                     key == "ungraded" ? std::string() : key);
    }
  }
  ok = read_amounts(example, "deals", day.deals_fen) && ok;
  ok = read_amounts(example, "payments", day.payments_fen) && ok;
  ok = read_amounts(example, "refunds", day.refunds_fen) && ok;
  if (!ok) return std::nullopt;
  return day;
}

}  // namespace waihu::kpi
