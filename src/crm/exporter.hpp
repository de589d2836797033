#pragma once
// Customer lists out to CSV (UTF-8 with BOM, for Excel) or .xlsx: the filtered list as the actor sees it
// (phones masked per role), with headers the importer reads back. Every export is audited with its filter and
// row count.
#include <nlohmann/json.hpp>
#include <string>

#include "crm/model.hpp"
#include "crm/service.hpp"
#include "db/database.hpp"
#include "org/service.hpp"
#include "util/sheet_writer.hpp"

namespace waihu::crm {

class CustomerExporter {
 public:
  CustomerExporter(db::Database& db, const calendar::CompanyTime& time, CustomerService& customers,
                   org::OrgService& org)
      : db_(db), time_(time), customers_(customers), org_(org) {}
  /// Writes the file in the target's language (people by name and username, times in China time, numbers and
  /// dates as Excel values); returns the number of customers written. `filter_description` goes to the audit.
  /// Throws Forbidden without the export right.
  long long write(const org::Actor& actor, const CustomerFilter& filter, const nlohmann::json& filter_description,
                  const util::SheetTarget& target);

 private:
  db::Database& db_;
  const calendar::CompanyTime& time_;
  CustomerService& customers_;
  org::OrgService& org_;
};

}  // namespace waihu::crm
