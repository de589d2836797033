#include "sales/json.hpp"

#include "sales/rules.hpp"
#include "util/clock.hpp"

namespace waihu::sales {

nlohmann::json to_json(const Deal& d) {
  return {{"id", d.id},
          {"customer_id", d.customer_id},
          {"agent_id", d.agent_id},
          {"field_rep_id", d.field_rep_id ? nlohmann::json(*d.field_rep_id) : nlohmann::json(nullptr)},
          {"sourcing", sourcing_name(d.sourcing)},
          {"product", d.product},
          {"amount_fen", d.amount_fen},
          {"amount", format_yuan(d.amount_fen)},
          {"closed_on", d.closed_on},
          {"notes", d.notes},
          {"created_at", util::format_iso_utc(d.created_at)}};
}

nlohmann::json to_json(const Payment& p) {
  return {{"id", p.id},
          {"deal_id", p.deal_id},
          {"kind", payment_kind_name(p.kind)},
          {"amount_fen", p.amount_fen},
          {"amount", format_yuan(p.amount_fen)},
          {"on", p.on_date},
          {"reason", p.reason}};
}

nlohmann::json to_json(const DealView& v) {
  nlohmann::json j = to_json(v.deal);
  nlohmann::json payments = nlohmann::json::array();
  for (const auto& p : v.payments) payments.push_back(to_json(p));
  j["payments"] = payments;
  j["paid_fen"] = v.totals.paid_fen;
  j["refunded_fen"] = v.totals.refunded_fen;
  j["net_paid_fen"] = v.totals.net_fen();
  return j;
}

}  // namespace waihu::sales
