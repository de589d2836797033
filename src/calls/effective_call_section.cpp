#include "calls/effective_call_section.hpp"

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

}  // namespace waihu::calls
