#include "calls/json.hpp"

#include "util/clock.hpp"

namespace waihu::calls {

namespace {
nlohmann::json fabrication_json(const std::optional<Fabrication>& f) {
  if (!f) return nullptr;
  return {{"at", util::format_iso_utc(f->at)}, {"by", f->by}, {"reason", f->reason}};
}
}  // namespace

nlohmann::json to_json(const Call& c) {
  auto opt_id = [](const std::optional<long long>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {
      {"id", c.id},
      {"agent_id", c.agent_id},
      {"agent_name", c.agent_name},
      {"customer_id", opt_id(c.customer_id)},
      {"customer_name", c.customer_id ? nlohmann::json(c.customer_name) : nlohmann::json(nullptr)},
      {"number", c.number},
      {"direction", direction_name(c.direction)},
      {"campaign_id", opt_id(c.campaign_id)},
      {"started_at", util::format_iso_utc(c.started_at)},
      {"answered_at", c.answered_at ? nlohmann::json(util::format_iso_utc(*c.answered_at)) : nlohmann::json(nullptr)},
      {"ended_at", util::format_iso_utc(c.ended_at)},
      {"ring_seconds", c.ring_seconds},
      {"talk_seconds", c.talk_seconds},
      {"result", call_result_name(c.result)},
      {"effective", c.effective},
      {"recording", c.recording},
      {"notes", c.notes},
      {"source", call_source_name(c.source)},
      {"external_id", c.external_id ? nlohmann::json(*c.external_id) : nlohmann::json(nullptr)},
      {"fabricated", fabrication_json(c.fabricated)}};
}

nlohmann::json to_json(const FollowUp& f, bool with_missing) {
  nlohmann::json j{
      {"id", f.id},
      {"customer_id", f.customer_id},
      {"agent_id", f.agent_id},
      {"at", util::format_iso_utc(f.at)},
      {"channel", channel_name(f.channel)},
      {"content", f.content},
      {"outcome", f.outcome},
      {"next_step", f.next_step},
      {"next_follow_up_on",
       f.next_follow_up_on.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.next_follow_up_on)},
      {"callback_at", f.callback_at ? nlohmann::json(util::format_iso_utc(*f.callback_at)) : nlohmann::json(nullptr)},
      {"complete", f.complete},
      {"fabricated", fabrication_json(f.fabricated)}};
  if (with_missing) j["missing"] = f.missing;
  return j;
}

nlohmann::json to_json(const CallFigures& f) {
  auto time = [](const std::optional<long long>& t) {
    return t ? nlohmann::json(util::format_iso_utc(*t)) : nlohmann::json(nullptr);
  };
  return {{"dials", f.dials},
          {"connects", f.connects},
          {"connect_rate_bp", connect_rate_bp(f)},
          {"effective", f.effective},
          {"talk_seconds", f.talk_seconds},
          {"first_call_at", time(f.first_call_at)},
          {"last_call_at", time(f.last_call_at)}};
}

nlohmann::json to_json(const CdrImportReport& r) {
  nlohmann::json j{{"read", r.read},
                   {"imported", r.imported},
                   {"duplicates", r.duplicates},
                   {"no_customer", r.no_customer},
                   {"committed", r.committed},
                   {"encoding", r.encoding}};
  util::add_rejected_json(j, r.rejected, false);
  return j;
}

}  // namespace waihu::calls
