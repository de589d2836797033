// `waihu import customers …` and `waihu export customers …`.
#include <filesystem>
#include <iostream>

#include "cli/cli.hpp"
#include "core/errors.hpp"
#include "crm/json.hpp"
#include "crm/rules.hpp"
#include "util/clock.hpp"

namespace waihu::cli {

void add_customer_commands(CLI::App& import, CLI::App& exp, Shared& s) {
  auto* customers = import.add_subcommand("customers", "import customers from CSV (UTF-8, GBK/GB18030, UTF-16)");
  struct ImportOpts {
    std::string file, owner, dedupe = "skip", map, rejects;
    bool pool = false, partial = false, dry_run = false, json = false;
  };
  auto o = std::make_shared<ImportOpts>();
  customers->add_option("FILE", o->file, "the CSV file")->required();
  customers->add_option("--owner", o->owner, "username of the agent who gets the rows");
  customers->add_flag("--pool", o->pool, "put the rows in the public pool");
  customers->add_flag("--partial", o->partial, "import the good rows even if some are rejected");
  customers->add_flag("--dry-run", o->dry_run, "check everything, write nothing");
  customers->add_option("--dedupe", o->dedupe, "duplicates: skip (default), update or flag (open a 撞单 claim)")
      ->check(CLI::IsMember({"skip", "update", "flag"}));
  customers->add_option("--map", o->map, "override the header mapping: 'column=field,…' (column: header or number)");
  customers->add_option("--rejects", o->rejects, "write rejected and duplicate rows to this CSV");
  customers->add_flag("--json", o->json, "print exactly one JSON object on stdout");
  customers->callback([&s, o] {
    s.action = [&s, o] {
      crm::ImportOptions opt;
      if (!o->owner.empty()) opt.owner_username = o->owner;
      opt.pool = o->pool;
      opt.partial = o->partial;
      opt.dry_run = o->dry_run;
      opt.dedupe = *crm::parse_dedupe_mode(o->dedupe);
      opt.map = o->map;
      opt.rejects_path = o->rejects;
      opt.file_label = std::filesystem::path(o->file).filename().string();
      return json_or_throw(o->json, [&] {
        auto app = s.open();
        crm::ImportReport r = app->importer.run(nullptr, o->file, opt);
        if (o->json) {
          std::cout << crm::to_json(r).dump() << "\n";
        } else {
          std::cout << "encoding " << r.encoding << "; read " << r.read << ", created " << r.created << ", updated "
                    << r.updated << ", duplicates " << r.duplicates << ", rejected " << r.rejected << "\n";
          for (const auto& h : r.unknown_headers) std::cout << "unknown column ignored: " << h << "\n";
          for (const auto& e : r.errors) {
            std::cout << "line " << e.line << (e.column.empty() ? "" : " [" + e.column + "]") << ": " << e.reason
                      << "\n";
          }
          if (r.errors_truncated) std::cout << "(more errors not shown)\n";
          if (o->dry_run) std::cout << "dry run: nothing written\n";
          if (!r.committed && !o->dry_run) std::cout << "nothing imported: fix the lines above or use --partial\n";
        }
        return r.rejected > 0 ? 3 : 0;
      });
    };
  });

  auto* exp_customers = exp.add_subcommand("customers", "export customers (filtered) to CSV or .xlsx");
  struct ExportOpts {
    std::string out, grade, status, owner, q, region, industry, tag;
    bool xlsx = false, pool = false;
  };
  auto e = std::make_shared<ExportOpts>();
  exp_customers->add_option("--out", e->out, "file to write (default customers-DATE.csv/.xlsx)");
  exp_customers->add_flag("--xlsx", e->xlsx, "write Excel .xlsx instead of CSV");
  exp_customers->add_option("--grade", e->grade, "only this grade (A-D)");
  exp_customers->add_option("--status", e->status, "only this status");
  exp_customers->add_option("--owner", e->owner, "only this agent's customers (username)");
  exp_customers->add_flag("--pool", e->pool, "only the public pool");
  exp_customers->add_option("--region", e->region, "only this region");
  exp_customers->add_option("--industry", e->industry, "only this industry");
  exp_customers->add_option("--tag", e->tag, "only customers with this tag");
  exp_customers->add_option("--q", e->q, "free text over company, contact and phone digits");
  exp_customers->callback([&s, e] {
    s.action = [&s, e] {
      auto app = s.open();
      crm::CustomerFilter f;
      nlohmann::json described = nlohmann::json::object();
      if (!e->grade.empty()) {
        f.grade = crm::parse_grade(e->grade);
        if (!f.grade) throw BadRequest::field("grade", "must be A-D");
        described["grade"] = *f.grade;
      }
      if (!e->status.empty()) {
        f.status = crm::parse_status(e->status);
        if (!f.status) throw BadRequest::field("status", "unknown status '" + e->status + "'");
        described["status"] = e->status;
      }
      if (!e->owner.empty()) {
        auto u = app->org.find_user(e->owner);
        if (!u) throw NotFound("user.not_found", "no user named '" + e->owner + "'");
        f.owner_id = u->id;
        described["owner"] = e->owner;
      }
      if (e->pool) f.pool = true, described["pool"] = true;
      if (!e->region.empty()) f.region = e->region, described["region"] = e->region;
      if (!e->industry.empty()) f.industry = e->industry, described["industry"] = e->industry;
      if (!e->tag.empty()) f.tag = e->tag, described["tag"] = e->tag;
      if (!e->q.empty()) f.q = e->q, described["q"] = e->q;
      std::string out =
          e->out.empty() ? "customers-" + util::china_date(app->clock.now()) + (e->xlsx ? ".xlsx" : ".csv") : e->out;
      bool xlsx = e->xlsx || out.ends_with(".xlsx");
      long long rows = app->exporter.write(org::system_actor(), f, described,
                                           xlsx ? util::SheetFormat::kXlsx : util::SheetFormat::kCsv, out);
      std::cout << "exported " << rows << " customers to " << out << "\n";
      return 0;
    };
  });
}

}  // namespace waihu::cli
