#include "calls/effective_call_section.hpp"

#include <array>

namespace waihu::calls {

std::optional<EffectiveCallPolicy> read_effective_call_section(const policy::Document& doc) {
  auto section = doc.root().table("effective_call");
  if (!section) return std::nullopt;
  const policy::Table& t = *section;
  auto form = t.choice("form", {"talk", "record", "talk_or_record", "talk_and_record"});
  if (!form) {
    t.accept("min_talk_seconds");
    t.accept("record_fields");
    return std::nullopt;
  }
  EffectiveCallPolicy p;
  p.form = *form == "talk"             ? EffectiveForm::kTalk
           : *form == "record"         ? EffectiveForm::kRecord
           : *form == "talk_or_record" ? EffectiveForm::kTalkOrRecord
                                       : EffectiveForm::kTalkAndRecord;
  const bool talk = p.form != EffectiveForm::kRecord, record = p.form != EffectiveForm::kTalk;
  bool ok = true;
  if (talk) {
    auto secs = t.integer("min_talk_seconds", {.min = 0, .max = 3600});
    if (secs)
      p.min_talk_seconds = *secs;
    else
      ok = false;
  } else if (t.has("min_talk_seconds")) {
    t.problem("min_talk_seconds", "'min_talk_seconds' is not used by form \"record\"; remove it or use talk_or_record");
    t.accept("min_talk_seconds");
    ok = false;
  }
  if (record) {
    auto fields = t.texts("record_fields", {"company", "contact", "title", "phone", "headcount", "it_status", "fax"});
    if (fields && fields->empty()) {
      t.problem("record_fields", "'record_fields' must name at least one field");
      ok = false;
    } else if (fields) {
      for (const auto& f : *fields) p.record_fields.push_back(*parse_record_field(f));
    } else {
      ok = false;
    }
  } else if (t.has("record_fields")) {
    t.problem("record_fields", "'record_fields' is not used by form \"talk\"; remove it or use talk_or_record");
    t.accept("record_fields");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return p;
}

policy::RuleSection describe_effective_call(const EffectiveCallPolicy& p) {
  static constexpr std::array<std::string_view, 7> kZh{"客户名称", "联系人（至少知道姓）", "部门职务", "电话",
                                                       "人数",     "信息化现状",           "传真号"};
  static constexpr std::array<std::string_view, 7> kEn{
      "company", "contact (a surname at least)", "title", "phone", "headcount", "IT status", "fax number"};
  std::string fields_zh, fields_en;
  for (RecordField f : p.record_fields) {
    fields_zh += (fields_zh.empty() ? "" : "、") + std::string(kZh[static_cast<size_t>(f)]);
    fields_en += (fields_en.empty() ? "" : ", ") + std::string(kEn[static_cast<size_t>(f)]);
  }
  const std::string secs = std::to_string(p.min_talk_seconds);
  const std::string talk_zh = "接通且通话不少于 " + secs + " 秒",
                    talk_en = "answered with at least " + secs + " seconds of talk";
  const std::string record_zh = "接通且客户记录填有" + fields_zh,
                    record_en = "answered, and the customer's record holds " + fields_en;
  policy::RuleSection s{"effective_call", "有效通话", "Effective calls", {}, {}};
  switch (p.form) {
    case EffectiveForm::kTalk:
      s.zh = {"有效通话：" + talk_zh};
      s.en = {"An effective call is " + talk_en};
      break;
    case EffectiveForm::kRecord:
      s.zh = {"有效通话：" + record_zh + "（通话时长不论）"};
      s.en = {"An effective call is " + record_en + " (whatever the talk time)"};
      break;
    case EffectiveForm::kTalkOrRecord:
      s.zh = {"有效通话：" + talk_zh + "，或" + record_zh};
      s.en = {"An effective call is " + talk_en + ", or " + record_en};
      break;
    case EffectiveForm::kTalkAndRecord:
      s.zh = {"有效通话：" + talk_zh + "，并且客户记录填有" + fields_zh};
      s.en = {"An effective call is " + talk_en + ", and the customer's record holds " + fields_en};
      break;
  }
  if (p.form != EffectiveForm::kTalk) {
    s.zh.push_back("客户记录以登记通话时为准");
    s.en.push_back("The record counts as it stands when the call is logged");
  }
  return s;
}

}  // namespace waihu::calls
