#include "sales/routes.hpp"

#include "core/errors.hpp"
#include "http/json_input.hpp"
#include "http/upload.hpp"
#include "sales/json.hpp"
#include "util/clock.hpp"

namespace waihu::sales {

namespace {
using http::Context;
using http::JsonBody;
using http::Response;

std::optional<std::string> date_query(const Context& c, const std::string& name) {
  auto v = c.query(name);
  if (v && !util::is_valid_date(*v)) throw BadRequest::field(name, "应为 YYYY-MM-DD / must be YYYY-MM-DD");
  return v;
}

Response record_money(Context& c, DealService& deals, PaymentKind kind) {
  const char* date_field = kind == PaymentKind::kPayment ? "paid_on" : "refunded_on";
  JsonBody b(c.request.body, {"amount_fen", date_field, "reason"});
  auto amount = b.integer("amount_fen");
  if (!amount)
    throw BadRequest::field("amount_fen", "必填（整数，单位：分）/ required, an integer of fen", "validation.required");
  return Response::json(to_json(deals.add_payment(c.actor(), c.id(), kind, *amount, b.text(date_field).value_or(""),
                                                  b.text("reason").value_or(""))),
                        201);
}
}  // namespace

void register_routes(http::Router& router, const std::string& data_dir, DealService& deals, DealImporter& importer) {
  router.add("POST", "/api/v1/deals/import", [&data_dir, &importer](Context& c) {
    c.allow_query({"partial", "dry_run", "filename"});
    auto opt = http::import_options<DealImportOptions>(c);
    return http::import_upload(data_dir, c, [&](const std::string& upload, const std::string& rejects) {
      opt.rejects_path = rejects;
      DealImportReport report = importer.run(c.actor(), upload, opt);
      return http::ImportOutcome{to_json(report), report.rejected.count > 0,
                                 report.rejected.count > 0 && !report.committed};
    });
  });
  router.add("POST", "/api/v1/deals", [&](Context& c) {
    JsonBody b(c.request.body,
               {"customer_id", "agent_id", "field_rep_id", "sourcing", "product", "amount_fen", "closed_on", "notes"});
    NewDeal in;
    auto customer = b.integer("customer_id");
    if (!customer) throw BadRequest::field("customer_id", "必填 / required", "validation.required");
    in.customer_id = *customer;
    in.agent_id = b.integer("agent_id");
    in.field_rep_id = b.integer("field_rep_id");
    if (auto s = b.text("sourcing", false)) {
      auto sourcing = parse_sourcing(*s);
      if (!sourcing) throw BadRequest::field("sourcing", "应为 self 或 proxy / must be self or proxy");
      in.sourcing = *sourcing;
    }
    in.product = b.text("product").value_or("");
    auto amount = b.integer("amount_fen");
    if (!amount)
      throw BadRequest::field("amount_fen", "必填（整数，单位：分）/ required, an integer of fen",
                              "validation.required");
    in.amount_fen = *amount;
    in.closed_on = b.text("closed_on").value_or("");
    in.notes = b.text("notes").value_or("");
    return Response::json(to_json(deals.create(c.actor(), in)), 201);
  });
  router.add("GET", "/api/v1/deals", [&](Context& c) {
    c.allow_query({"limit", "cursor", "customer_id", "agent_id", "from", "to"});
    DealFilter f;
    f.customer_id = c.query_int("customer_id");
    f.agent_id = c.query_int("agent_id");
    f.from = date_query(c, "from");
    f.to = date_query(c, "to");
    auto page = deals.list(c.actor(), f, c.cursor(), c.limit());
    return http::page_response(page, [&](const auto& d) { return to_json(d); });
  });
  router.add("GET", "/api/v1/deals/{id}",
             [&](Context& c) { return Response::json(to_json(deals.get(c.actor(), c.id()))); });
  router.add("PATCH", "/api/v1/deals/{id}", [&](Context& c) {
    JsonBody b(c.request.body, {"amount_fen", "reason"});
    auto amount = b.integer("amount_fen");
    if (!amount)
      throw BadRequest::field("amount_fen", "必填（整数，单位：分）/ required, an integer of fen",
                              "validation.required");
    return Response::json(to_json(deals.correct_amount(c.actor(), c.id(), *amount, b.text("reason").value_or(""))));
  });
  router.add("POST", "/api/v1/deals/{id}/payments",
             [&](Context& c) { return record_money(c, deals, PaymentKind::kPayment); });
  router.add("POST", "/api/v1/deals/{id}/refunds",
             [&](Context& c) { return record_money(c, deals, PaymentKind::kRefund); });
}

}  // namespace waihu::sales
