// `waihu import customers …` and `waihu export customers …`.
#include <iostream>

#include "cli/cli.hpp"
#include "core/errors.hpp"
#include "crm/json.hpp"
#include "crm/rules.hpp"
#include "util/clock.hpp"

namespace waihu::cli {

void add_customer_commands(CLI::App& import, CLI::App& exp, Shared& s) {
  struct CustomerOpts {
    std::string owner, dedupe = "skip", map;
    bool pool = false;
  };
  auto o = std::make_shared<CustomerOpts>();
  auto* customers = add_import_command(
      import, "customers", "import customers from CSV (UTF-8, GBK/GB18030, UTF-16)", s,
      [o](app::App& app, const ImportFlags& f) {
        auto opt = import_options<crm::ImportOptions>(f);
        if (!o->owner.empty()) opt.owner_username = o->owner;
        opt.pool = o->pool;
        opt.dedupe = *crm::parse_dedupe_mode(o->dedupe);
        opt.map = o->map;
        crm::ImportReport r = app.importer.run(nullptr, f.file, opt);
        std::string summary = "encoding " + r.encoding + "; read " + std::to_string(r.read) + ", created " +
                              std::to_string(r.created) + ", updated " + std::to_string(r.updated) + ", duplicates " +
                              std::to_string(r.duplicates) + ", rejected " + std::to_string(r.rejected.count);
        for (const auto& h : r.unknown_headers) summary += "\nunknown column ignored: " + h;
        return ImportOutcome{crm::to_json(r), summary, r.rejected, r.committed};
      });
  customers->add_option("--owner", o->owner, "username of the agent who gets the rows");
  customers->add_flag("--pool", o->pool, "put the rows in the public pool");
  customers->add_option("--dedupe", o->dedupe, "duplicates: skip (default), update or flag (open a 撞单 claim)")
      ->check(CLI::IsMember({"skip", "update", "flag"}));
  customers->add_option("--map", o->map, "override the header mapping: 'column=field,…' (column: header or number)");

  auto* exp_customers = exp.add_subcommand("customers", "export customers (filtered) to CSV or .xlsx");
  struct ExportOpts {
    std::string out, grade, status, owner, q, region, industry, tag, lang = "zh";
    bool xlsx = false, pool = false;
  };
  auto e = std::make_shared<ExportOpts>();
  exp_customers->add_option("--out", e->out, "file to write (default customers-DATE.csv/.xlsx)");
  exp_customers->add_flag("--xlsx", e->xlsx, "write Excel .xlsx instead of CSV");
  exp_customers->add_option("--lang", e->lang, "headers and labels: zh (default) or en")
      ->check(CLI::IsMember({"zh", "en"}));
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
      std::string out = e->out.empty() ? "customers-" + app->time.today().str() + (e->xlsx ? ".xlsx" : ".csv") : e->out;
      bool xlsx = e->xlsx || out.ends_with(".xlsx");
      util::SheetTarget target{out, xlsx ? util::SheetFormat::kXlsx : util::SheetFormat::kCsv,
                               util::parse_lang(e->lang).value_or(util::Lang::kZh)};
      long long rows = app->exporter.write(org::system_actor(), f, described, target);
      std::cout << "exported " << rows << " customers to " << out << "\n";
      return 0;
    };
  });
}

}  // namespace waihu::cli
