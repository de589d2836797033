#include "discipline/request_section.hpp"

#include "util/strings.hpp"

namespace waihu::discipline {

namespace {
const std::initializer_list<std::string_view> kKinds = {"personal", "sick"};
std::string kind_zh(const std::string& k) { return k == "sick" ? "病假" : "事假"; }
}  // namespace

std::optional<LeavePolicy> read_leave_section(const policy::Document& doc, bool& ok) {
  auto s = doc.root().table("leave", false);
  if (!s) return std::nullopt;
  LeavePolicy p;
  bool good = true;
  auto need = [&](auto v) {
    if (!v) good = false;
    return v;
  };
  if (auto kinds = need(s->texts("kinds", kKinds))) {
    p.kinds = *kinds;
    if (p.kinds.empty()) {
      s->problem("kinds", "name at least one kind of leave");
      good = false;
    }
  }
  p.notice_days = need(s->integer("notice_days", {.min = 0, .max = 60})).value_or(0);
  if (auto a = need(s->choice("approval", {"before_start", "before_close"})))
    p.approval_before_start = *a == "before_start";
  if (auto c = need(s->texts("certificate", kKinds))) p.certificate_kinds = *c;
  if (!good) {
    ok = false;
    return std::nullopt;
  }
  return p;
}

std::optional<ResignationPolicy> read_resignation_section(const policy::Document& doc, bool& ok) {
  auto s = doc.root().table("resignation", false);
  if (!s) return std::nullopt;
  ResignationPolicy p;
  bool good = true;
  auto need = [&](auto v) {
    if (!v) good = false;
    return v;
  };
  p.notice_days = need(s->integer("notice_days", {.min = 0, .max = 180})).value_or(0);
  if (auto sn = need(s->choice("short_notice", {"no_final_pay", "final_pay"})))
    p.short_notice_no_pay = *sn == "no_final_pay";
  p.first_month_days = need(s->integer("first_month_days", {.min = 0, .max = 366})).value_or(0);
  if (!good) {
    ok = false;
    return std::nullopt;
  }
  return p;
}

policy::RuleSection describe_leave(const LeavePolicy& p) {
  policy::RuleSection s{"leave", "请假", "Leave", {}, {}};
  std::vector<std::string> zh_kinds, cert_zh;
  for (const auto& k : p.kinds) zh_kinds.push_back(kind_zh(k));
  for (const auto& k : p.certificate_kinds) cert_zh.push_back(kind_zh(k));
  const std::string n = std::to_string(p.notice_days);
  s.zh.push_back(util::join(zh_kinds, "、") + "须提前 " + n + " 天申请，主管" +
                 (p.approval_before_start ? "在假期开始前" : "在当天结算前") + "批准方可生效；否则按旷工处理");
  s.en.push_back("Leave (" + util::join(p.kinds, ", ") + ") is asked " + n +
                 " day(s) ahead and approved by the supervisor " +
                 (p.approval_before_start ? "before it begins" : "before the day is closed") +
                 "; otherwise its days count as absence");
  if (!p.certificate_kinds.empty()) {
    s.zh.push_back(util::join(cert_zh, "、") + "须上传医院证明或病假单方可有效");
    s.en.push_back(util::join(p.certificate_kinds, ", ") + " leave counts only with a certificate uploaded");
  }
  return s;
}

policy::RuleSection describe_resignation(const ResignationPolicy& p) {
  policy::RuleSection s{"resignation", "离职", "Resignation", {}, {}};
  const std::string n = std::to_string(p.notice_days);
  s.zh.push_back("离职须提前 " + n + " 天申请，经主管批准；" +
                 (p.short_notice_no_pay ? "未按规定者视同自动离职，无任何薪资" : "提前不足者照发工资"));
  s.en.push_back("Resignation is asked " + n + " days before the last day and approved by the supervisor; " +
                 (p.short_notice_no_pay ? "less notice counts as walking out, without final pay"
                                        : "less notice keeps the final pay"));
  if (p.first_month_days > 0) {
    s.zh.push_back("入职未满 " + std::to_string(p.first_month_days) + " 天主动离职无任何薪资");
    s.en.push_back("Leaving within " + std::to_string(p.first_month_days) + " days of being hired: no final pay");
  }
  return s;
}

}  // namespace waihu::discipline
