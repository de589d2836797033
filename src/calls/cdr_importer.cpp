#include "calls/cdr_importer.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "audit/service.hpp"
#include "calls/cdr_rows.hpp"
#include "calls/store.hpp"
#include "core/errors.hpp"
#include "crm/store.hpp"
#include "org/rules.hpp"
#include "util/batch_pipeline.hpp"
#include "util/csv.hpp"
#include "util/import_sheet.hpp"
#include "util/strings.hpp"
#include "util/time_zone.hpp"

namespace waihu::calls {

namespace {

const std::vector<std::string> kMasterCsvColumns{
    "accountcode", "src",    "dst", "dcontext", "clid",    "channel",     "dstchannel", "lastapp",  "lastdata",
    "start",       "answer", "end", "duration", "billsec", "disposition", "amaflags",   "uniqueid", "userfield"};

// What the import's calls did to one customer: the latest contact, and the status moves in time order.
struct Touch {
  long long last_at = 0;
  CallResult last_result = CallResult::kNoAnswer;
  std::vector<std::pair<long long, crm::CustomerStatus>> moves;  // (call end, proposed status)
};

}  // namespace

CdrImportReport CdrImporter::run(const org::Actor& actor, const std::string& path, const CdrImportOptions& opt) {
  if (!org::has_right(actor.role, org::Right::kBulkImport)) {
    throw Forbidden("auth.forbidden", "无权导入通话记录 / you may not import call records");
  }
  auto zone = util::TimeZone::named(opt.time_zone);
  if (!zone) {
    throw BadRequest::field("tz", "未知时区「" + opt.time_zone + "」（例如 Asia/Shanghai）/ unknown time zone");
  }
  for (const auto& p : opt.strip_prefixes) {
    if (p.find_first_not_of("0123456789*#+") != std::string::npos) {
      throw BadRequest::field("strip_prefix", "前缀只能含数字 / a prefix is digits: " + p);
    }
  }
  CdrImportReport report;
  util::ImportSheet sheet(path);
  report.encoding = sheet.encoding();

  org::PeopleDirectory agents = org_.people_directory(actor);
  crm::PhoneDirectory customer_phones = customers_.phone_directory(actor);
  CdrContext ctx;
  ctx.format = opt.format;
  ctx.time_zone = &*zone;
  ctx.strip_prefixes = opt.strip_prefixes;
  ctx.agents = &agents;
  ctx.phones = &phones_;
  ctx.customers = &customer_phones;
  ctx.rule_at = rule_at_;
  // The record forms look at the matched customer's record; read once per customer.
  std::unordered_map<long long, std::optional<RecordFacts>> records;
  ctx.record_of = [&](long long customer_id) {
    auto it = records.find(customer_id);
    if (it != records.end()) return it->second;
    auto facts = db_.read([&](soci::session& sql) -> std::optional<RecordFacts> {
      auto c = crm::store::customer_by_id(sql, customer_id);
      return c ? std::optional(record_facts(*c)) : std::nullopt;
    });
    return records[customer_id] = facts;
  };
  ctx.now = clock_.now();

  std::vector<std::string> headers = kMasterCsvColumns;
  // Master.csv has no header: its first record is a call. The CSV layout starts with its header.
  util::CsvRecord first = opt.format == CdrFormat::kCsv ? sheet.read_header() : sheet.read_first();
  bool have_first = true;
  if (opt.format == CdrFormat::kCsv) {
    try {
      ctx.columns = map_cdr_header(first.fields);
    } catch (const std::invalid_argument& e) {
      throw BadRequest("import.mapping", e.what(), {{"field", "file"}, {"headers", first.fields}});
    }
    headers = first.fields;
    have_first = false;  // the header is not a call
  }
  sheet.open_rejects(opt.rejects_path, headers);

  const long long now = clock_.now();
  const std::optional<long long> actor_id = org::audit_actor(actor);
  report.committed = db_.write_if([&](soci::session& sql) {
    db::BulkWriteTuning tuning(sql, db_.dialect());
    store::CallWriter writer(sql, db_.dialect(), true);
    std::unordered_map<long long, Touch> touched;
    std::optional<kpi::DayKeeper::Batch> days;
    if (days_) days.emplace(*days_);
    auto settle = [&] {
      writer.settle([&](const Call& c, bool inserted) {
        if (!inserted) {
          ++report.duplicates;
          return;
        }
        ++report.imported;
        if (days) days->add(c.agent_id, c.started_at, kpi::store::kCalls);
        if (!c.customer_id) {
          ++report.no_customer;
          return;
        }
        Touch& t = touched[*c.customer_id];
        if (c.ended_at >= t.last_at) {
          t.last_at = c.ended_at;
          t.last_result = c.result;
        }
        if (auto next = status_after_call(c.result)) t.moves.emplace_back(c.ended_at, *next);
      });
    };

    util::BatchPipeline<CdrRow> rows([&](CdrRow& row) {
      util::CsvRecord rec;
      if (have_first) {
        rec = std::move(first);
        have_first = false;
      } else if (!sheet.csv().next(rec)) {
        return false;
      }
      row = parse_cdr_row(std::move(rec), ctx);
      return true;
    });
    std::vector<CdrRow> batch;
    while (rows.next(batch)) {
      for (auto& row : batch) {
        ++report.read;
        auto* c = std::get_if<Call>(&row.call);
        if (!c) {
          sheet.reject(row.record, "", std::get<std::string>(row.call));
          continue;
        }
        c->created_at = now;
        writer.add(std::move(*c), actor_id);
        if (writer.full()) settle();
      }
    }
    settle();
    bool commit = !opt.dry_run && (opt.partial || sheet.rejected().count == 0);
    if (commit && !touched.empty()) {
      std::vector<crm::CustomerService::ContactSummary> contacts;
      contacts.reserve(touched.size());
      for (auto& [id, t] : touched) {
        std::stable_sort(t.moves.begin(), t.moves.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        crm::CustomerService::ContactSummary s{id, t.last_at, std::string(call_result_name(t.last_result)), {}};
        for (const auto& m : t.moves) s.moves.push_back(m.second);
        contacts.push_back(std::move(s));
      }
      touched.clear();
      customers_.record_contacts(sql, actor, contacts, "call_import");
    }
    if (commit && days) days->flush(sql);
    audit::record(sql, {0,
                        now,
                        actor_id,
                        "call.import",
                        "call",
                        std::nullopt,
                        nullptr,
                        nullptr,
                        {{"file", opt.file_label.empty() ? path : opt.file_label},
                         {"format", opt.format == CdrFormat::kAsterisk ? "asterisk" : "csv"},
                         {"time_zone", opt.time_zone},
                         {"read", report.read},
                         {"imported", report.imported},
                         {"duplicates", report.duplicates},
                         {"no_customer", report.no_customer},
                         {"rejected", sheet.rejected().count},
                         {"partial", opt.partial}}});
    return commit;
  });
  report.rejected = sheet.rejected();
  if (!report.committed) report.imported = report.no_customer = 0;
  return report;
}

}  // namespace waihu::calls
