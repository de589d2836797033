#include "crm/routes.hpp"

#include <array>

#include "core/errors.hpp"
#include "crm/json.hpp"
#include "crm/rules.hpp"
#include "http/download.hpp"
#include "http/json_input.hpp"
#include "http/upload.hpp"
#include "util/clock.hpp"

namespace waihu::crm {

namespace {
using http::Context;
using http::JsonBody;
using http::Response;

CustomerInput input_from_json(const JsonBody& b) {
  CustomerInput in;
  in.company = b.text("company");
  in.contact_name = b.text("contact_name");
  in.title = b.text("title");
  in.fax = b.text("fax");
  in.industry = b.text("industry");
  in.region = b.text("region");
  in.size = b.text("size");
  in.it_status = b.text("it_status");
  in.source = b.text("source");
  in.needs = b.text("needs");
  in.grade = b.text("grade");
  in.status = b.text("status", false);
  in.notes = b.text("notes");
  if (b.has("headcount")) {
    auto h = b.is_null("headcount") ? std::optional<long long>() : b.integer("headcount");
    in.headcount = h ? std::to_string(*h) : "";
  }
  in.phones = b.text_list("phones");
  in.tags = b.text_list("tags");
  return in;
}

constexpr std::array<std::string_view, 17> kCustomerFields{
    "company",   "contact_name", "title", "phones", "fax",    "industry", "region", "size", "headcount",
    "it_status", "source",       "needs", "grade",  "status", "owner_id", "tags",   "notes"};

}  // namespace

CustomerFilter filter_from_query(const Context& c) {
  CustomerFilter f;
  if (auto g = c.query("grade")) {
    auto parsed = parse_grade(*g);
    if (!parsed) throw BadRequest::field("grade", "应为 A、B、C、D 或空 / must be A-D or empty");
    f.grade = *parsed;
  }
  if (auto s = c.query("status")) {
    f.status = parse_status(*s);
    if (!f.status) throw BadRequest::field("status", "未知状态 / unknown status");
  }
  f.owner_id = c.query_int("owner_id");
  f.pool = c.query_bool("pool");
  f.team_id = c.query_int("team_id");
  f.region = c.query("region");
  f.province = c.query("province");
  f.industry = c.query("industry");
  f.source = c.query("source");
  f.tag = c.query("tag");
  f.q = c.query("q").value_or("");
  if (auto due = c.query("due_by")) {
    if (!util::is_valid_date(*due)) throw BadRequest::field("due_by", "应为 YYYY-MM-DD / must be YYYY-MM-DD");
    f.due_by = *due;
  }
  if (auto t = c.query("callback_before")) {
    f.callback_before = util::parse_iso8601(*t);
    if (!f.callback_before)
      throw BadRequest::field("callback_before", "应为带时区的 ISO 8601 时间 / ISO 8601 with a zone");
  }
  f.open_only = c.query_bool("open").value_or(false);
  if (f.q.size() > 100) throw BadRequest::field("q", "最多 100 个字符 / at most 100 characters");
  if (auto s = c.query("sort")) {
    auto sort = parse_customer_sort(*s);
    if (!sort) {
      throw BadRequest::field(
          "sort",
          "应为 id、-id、updated_at、-updated_at、company、-company、next_follow_up_on、callback_at "
          "之一 / unknown sort");
    }
    f.sort = *sort;
  }
  return f;
}

void register_routes(http::Router& router, RouteDeps d) {
  router.add("GET", "/api/v1/customers", [d](Context& c) {
    c.allow_query({"limit", "cursor", "grade", "status", "owner_id", "pool", "team_id", "region", "province",
                   "industry", "source", "tag", "q", "sort", "due_by", "callback_before", "open"});
    return http::page_response(d.customers.list(c.actor(), filter_from_query(c), c.cursor(), c.limit()),
                               [](const Customer& x) { return to_json(x); });
  });
  router.add("GET", "/api/v1/customers/{id}",
             [d](Context& c) { return Response::json(to_json(d.customers.get(c.actor(), c.id()))); });
  router.add("POST", "/api/v1/customers", [d](Context& c) {
    JsonBody b(c.request.body, kCustomerFields);
    return Response::json(to_json(d.customers.create(c.actor(), input_from_json(b), b.nullable_id("owner_id"))), 201);
  });
  router.add("PATCH", "/api/v1/customers/{id}", [d](Context& c) {
    JsonBody b(c.request.body, kCustomerFields);
    return Response::json(
        to_json(d.customers.update(c.actor(), c.id(), input_from_json(b), b.nullable_id("owner_id"))));
  });
  router.add("POST", "/api/v1/customers/{id}/claim",
             [d](Context& c) { return Response::json(to_json(d.customers.claim(c.actor(), c.id()))); });
  router.add("POST", "/api/v1/customers/{id}/release", [d](Context& c) {
    JsonBody b(c.request.body.empty() ? "{}" : c.request.body, {"reason"});
    return Response::json(to_json(d.customers.release(c.actor(), c.id(), b.text("reason").value_or(""))));
  });
  router.add("POST", "/api/v1/customers/reassign", [d](Context& c) {
    JsonBody b(c.request.body, {"customer_ids", "from_owner_id", "to_owner_id", "reason"});
    CustomerService::Reassignment r;
    if (auto ids = b.integer_list("customer_ids")) r.customer_ids = *ids;
    r.from_owner_id = b.integer("from_owner_id");
    if (!b.has("to_owner_id")) {
      throw BadRequest::field("to_owner_id", "必填（null 表示公海）/ required (null: the pool)", "validation.required");
    }
    r.to_owner_id = b.nullable_id("to_owner_id").value_or(std::nullopt);
    r.reason = b.text("reason").value_or("");
    return Response::json({{"moved", d.customers.reassign(c.actor(), r)}});
  });
  router.add("POST", "/api/v1/customers/import", [d](Context& c) {
    c.allow_query({"owner", "pool", "partial", "dry_run", "dedupe", "map", "filename"});
    auto opt = http::import_options<ImportOptions>(c);
    opt.owner_username = c.query("owner");
    opt.pool = c.query_bool("pool").value_or(false);
    if (auto m = c.query("dedupe")) {
      auto mode = parse_dedupe_mode(*m);
      if (!mode) throw BadRequest::field("dedupe", "应为 skip、update 或 flag / must be skip, update or flag");
      opt.dedupe = *mode;
    }
    opt.map = c.query("map").value_or("");
    return http::import_upload(d.data_dir, c, [&](const std::string& upload, const std::string& rejects) {
      opt.rejects_path = rejects;
      ImportReport report = d.importer.run(&c.actor(), upload, opt);
      return http::ImportOutcome{to_json(report), report.rejected.count + report.duplicates > 0,
                                 report.rejected.count > 0 && !report.committed};
    });
  });
  router.add("GET", "/api/v1/customers/export", [d](Context& c) {
    c.allow_query({"format", "lang", "grade", "status", "owner_id", "pool", "team_id", "region", "province", "industry",
                   "source", "tag", "q", "sort", "due_by", "callback_before", "open"});
    CustomerFilter f = filter_from_query(c);
    return http::sheet_download(d.data_dir, c, {"客户", "customers"}, "", [&](const util::SheetTarget& target) {
      d.exporter.write(c.actor(), f, http::query_json(c), target);
    });
  });
}

}  // namespace waihu::crm
