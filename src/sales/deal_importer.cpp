#include "sales/deal_importer.hpp"

#include <optional>
#include <unordered_set>

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "org/rules.hpp"
#include "sales/deal_rows.hpp"
#include "sales/rules.hpp"
#include "sales/store.hpp"
#include "util/csv.hpp"
#include "util/import_sheet.hpp"

namespace waihu::sales {

namespace {
// A deal's key: its contract number, or the values that name it when the sheet has none.
std::string deal_key(const DealRow& row) {
  if (!row.contract_no.empty()) return "contract:" + row.contract_no;
  const Deal& d = row.deal;
  return "row:" + std::to_string(d.customer_id) + "|" + d.product + "|" + std::to_string(d.amount_fen) + "|" +
         d.closed_on;
}
}  // namespace

DealImportReport DealImporter::run(const org::Actor& actor, const std::string& path, const DealImportOptions& opt) {
  if (!org::has_right(actor.role, org::Right::kBulkImport)) {
    throw Forbidden("auth.forbidden", "无权导入成交记录 / you may not import deals");
  }
  DealImportReport report;
  util::ImportSheet sheet(path);
  report.encoding = sheet.encoding();
  util::CsvRecord header = sheet.read_header();
  DealSheetContext ctx;
  try {
    ctx.columns = map_deal_header(header.fields);
  } catch (const std::invalid_argument& e) {
    throw BadRequest("import.mapping", e.what(), {{"field", "file"}, {"headers", header.fields}});
  }
  org::PeopleDirectory people = org_.people_directory(actor);
  // Field reps visit for any team: looked up among everyone, as for a deal typed in.
  std::unordered_set<long long> field_reps;
  for (const auto& u : org_.users_in_scope(org::system_actor())) {
    if (u.role == org::Role::kFieldRep) {
      field_reps.insert(u.id);
      people.by_username.emplace(u.username, u.id);
    }
  }
  crm::PhoneDirectory customer_phones = customers_.phone_directory(actor);
  const long long now = time_.now();
  ctx.people = &people;
  ctx.field_reps = &field_reps;
  ctx.phones = &phones_;
  ctx.customers = &customer_phones;
  ctx.today = time_.date_at(now).str();

  sheet.open_rejects(opt.rejects_path, header.fields);

  // Deal sheets are small (thousands of rows): read and check them all, then write in one transaction.
  std::vector<DealRow> rows;
  for (util::CsvRecord rec; sheet.csv().next(rec);) {
    ++report.read;
    DealRow row = parse_deal_row(std::move(rec), header.fields, ctx);
    if (row.error.empty() && row.deal.agent_id && !org_.sees_records_of(actor, row.deal.agent_id)) {
      row.error_column = header.fields[*ctx.columns.column_of(int(DealColumn::kAgent))];
      row.error = "坐席不在你的范围内 / the agent is outside your scope";
    }
    if (row.error.empty()) {
      // The customer must be one the importer may write to (NotFound hides one outside the scope).
      try {
        crm::Customer c = customers_.get_for_calling(actor, row.deal.customer_id);
        if (customers_.access(actor, c) != crm::Access::kWrite) throw NotFound("customer.not_found", "");
      } catch (const NotFound&) {
        row.error = "客户 #" + std::to_string(row.deal.customer_id) +
                    " 不存在或不在你的范围内 / no such customer in your scope";
      }
    }
    if (!row.error.empty()) {
      sheet.reject(row.record, row.error_column, row.error);
      continue;
    }
    rows.push_back(std::move(row));
  }

  const std::optional<long long> actor_id = org::audit_actor(actor);
  auto paid_index = ctx.columns.column_of(int(DealColumn::kPaidAmount));
  const std::string paid_column = paid_index ? header.fields[*paid_index] : "";
  report.committed = db_.write_if([&](soci::session& sql) {
    std::optional<kpi::DayKeeper::Batch> days;
    if (days_) days.emplace(*days_);
    for (DealRow& row : rows) {
      Deal& d = row.deal;
      d.created_at = now;
      std::string key = deal_key(row);
      bool new_deal = store::insert_keyed_deal(sql, db_.dialect(), d, key, actor_id);
      if (new_deal) {
        ++report.deals_created;
        customers_.advance_status(sql, actor, d.customer_id, crm::CustomerStatus::kWon, now, "deal_import");
        audit::record(sql, {0,
                            now,
                            actor_id,
                            "deal.create",
                            "deal",
                            d.id,
                            nullptr,
                            {{"customer_id", d.customer_id},
                             {"agent_id", d.agent_id},
                             {"product", d.product},
                             {"amount_fen", d.amount_fen},
                             {"closed_on", d.closed_on}},
                            {{"origin", "import"}, {"line", row.record.line}}});
      }
      bool new_payment = false;
      const std::string payment_key =
          row.payment ? key + "|paid|" + row.payment->on_date + "|" + std::to_string(row.payment->amount_fen) : "";
      if (row.payment && !new_deal && !store::has_payment_key(sql, payment_key)) {
        // A new payment of a deal already in the store (or on an earlier line): within what is left of it.
        auto stored = store::deal_by_id(sql, d.id, db::Lock::kForUpdate);
        DealTotals paid = totals_of(store::payments_of(sql, d.id));
        if (stored && !payment_allowed(paid, stored->amount_fen, row.payment->amount_fen)) {
          sheet.reject(row.record, paid_column,
                       payment_exceeds_message(paid, stored->amount_fen, row.payment->amount_fen));
          continue;
        }
      }
      if (row.payment) {
        Payment& p = *row.payment;
        p.deal_id = d.id;
        p.created_at = now;
        new_payment = store::insert_keyed_payment(sql, db_.dialect(), p, payment_key, actor_id);
        if (new_payment) ++report.payments_created;
        if (new_payment && days) days->add_day(d.agent_id, *calendar::LocalDate::parse(p.on_date), kpi::store::kMoney);
      }
      if (new_deal && days) days->add_day(d.agent_id, *calendar::LocalDate::parse(d.closed_on), kpi::store::kDeals);
      if (!new_deal && !new_payment) ++report.duplicates;
    }
    audit::record(sql, {0,
                        now,
                        actor_id,
                        "deal.import",
                        "deal",
                        std::nullopt,
                        nullptr,
                        nullptr,
                        {{"file", opt.file_label.empty() ? path : opt.file_label},
                         {"read", report.read},
                         {"deals_created", report.deals_created},
                         {"payments_created", report.payments_created},
                         {"duplicates", report.duplicates},
                         {"rejected", sheet.rejected().count},
                         {"partial", opt.partial}}});
    const bool commit = !opt.dry_run && (opt.partial || sheet.rejected().count == 0);
    if (commit && days) days->flush(sql);
    return commit;
  });
  report.rejected = sheet.rejected();
  if (!report.committed) report.deals_created = report.payments_created = 0;
  return report;
}

}  // namespace waihu::sales
