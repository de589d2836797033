#include "crm/json.hpp"

#include "util/clock.hpp"

namespace waihu::crm {

nlohmann::json to_json(const Customer& c) {
  nlohmann::json phones = nlohmann::json::array();
  nlohmann::json details = nlohmann::json::array();
  for (const auto& p : c.phones) {
    phones.push_back(p.e164);
    details.push_back(
        {{"number", p.e164}, {"kind", phone_kind_name(p.kind)}, {"province", p.province}, {"city", p.city}});
  }
  auto opt = [](const auto& o) { return o ? nlohmann::json(*o) : nlohmann::json(nullptr); };
  return {
      {"id", c.id},
      {"company", c.company},
      {"contact_name", c.contact_name},
      {"title", c.title},
      {"phones", phones},
      {"phone_details", details},
      {"fax", c.fax},
      {"industry", c.industry},
      {"region", c.region},
      {"size", c.size},
      {"headcount", opt(c.headcount)},
      {"it_status", c.it_status},
      {"source", c.source},
      {"needs", c.needs},
      {"grade", c.grade.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.grade)},
      {"status", status_name(c.status)},
      {"owner_id", opt(c.owner_id)},
      {"tags", c.tags},
      {"notes", c.notes},
      {"created_at", util::format_iso_utc(c.created_at)},
      {"updated_at", util::format_iso_utc(c.updated_at)},
      {"last_contact_at",
       c.last_contact_at ? nlohmann::json(util::format_iso_utc(*c.last_contact_at)) : nlohmann::json(nullptr)},
      {"last_call_result", c.last_call_result.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.last_call_result)},
      {"next_follow_up_on",
       c.next_follow_up_on.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.next_follow_up_on)},
      {"owner_name", c.owner_id ? nlohmann::json(c.owner_name) : nlohmann::json(nullptr)},
      {"callback_at", c.callback_at ? nlohmann::json(util::format_iso_utc(*c.callback_at)) : nlohmann::json(nullptr)}};
}

nlohmann::json to_json(const DuplicateClaim& d) {
  auto opt = [](const auto& o) { return o ? nlohmann::json(*o) : nlohmann::json(nullptr); };
  return {{"id", d.id},
          {"customer_id", d.customer_id},
          {"holder_id", opt(d.holder_id)},
          {"claimant_id", opt(d.claimant_id)},
          {"reason", d.reason},
          {"matched", d.matched},
          {"origin", d.origin},
          {"status", d.status},
          {"created_at", util::format_iso_utc(d.created_at)}};
}

nlohmann::json to_json(const ImportReport& r) {
  nlohmann::json j{{"read", r.read},
                   {"created", r.created},
                   {"updated", r.updated},
                   {"duplicates", r.duplicates},
                   {"claims", r.claims},
                   {"committed", r.committed},
                   {"encoding", r.encoding},
                   {"mapping", r.mapping},
                   {"unknown_headers", r.unknown_headers}};
  util::add_rejected_json(j, r.rejected, true);
  return j;
}

}  // namespace waihu::crm
