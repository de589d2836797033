#pragma once
// Customer lists from the files Chinese offices have (CSV in UTF-8, UTF-8 with BOM, GBK/GB18030, UTF-16), into
// the store: header mapping, per-line errors with the physical line number, dedupe against the store and within
// the file, all-or-nothing unless partial, a dry run, and a CSV of the rows that did not go in.
#include <string>

#include "crm/import_report.hpp"
#include "crm/phone.hpp"
#include "db/database.hpp"
#include "kpi/keeper.hpp"
#include "org/model.hpp"
#include "org/service.hpp"
#include "util/clock.hpp"

namespace waihu::crm {

class CustomerImporter {
 public:
  /// Keeps the agent-day figures current in the same transactions (the composition root wires it).
  void keep_days(const kpi::DayKeeper& days) { days_ = &days; }
  CustomerImporter(db::Database& db, const util::Clock& clock, const PhoneNormalizer& phones, org::OrgService& org)
      : db_(db), clock_(clock), phones_(phones), org_(org) {}
  /// `actor` nullptr: the command line. Throws BadRequest for whole-file problems (empty, no header, no phone
  /// column, bad --map, unknown owner) — then nothing is written.
  ImportReport run(const org::Actor* actor, const std::string& path, const ImportOptions& options);

 private:
  db::Database& db_;
  const util::Clock& clock_;
  const PhoneNormalizer& phones_;
  org::OrgService& org_;
  const kpi::DayKeeper* days_ = nullptr;
};

}  // namespace waihu::crm
