#pragma once
// One record of a CDR file → a call ready to store (agent, number, customer, times, result, key), or the reason
// it cannot be one. Pure: everything it consults is given and read-only, so it runs on the import's reading
// thread.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "calls/cdr_rules.hpp"
#include "calls/model.hpp"
#include "calls/rules.hpp"
#include "crm/phone.hpp"
#include "crm/phone_directory.hpp"
#include "org/model.hpp"
#include "util/csv.hpp"
#include "util/time_zone.hpp"

namespace waihu::calls {

struct CdrContext {
  CdrFormat format = CdrFormat::kAsterisk;
  const util::TimeZone* time_zone = nullptr;  ///< the phone server's zone, for times written without one
  std::vector<std::string> strip_prefixes;
  const org::PeopleDirectory* agents = nullptr;
  const crm::PhoneNormalizer* phones = nullptr;
  const crm::PhoneDirectory* customers = nullptr;
  EffectiveRuleAt rule_at;  ///< empty: the default rule
  /// The record of a customer the call matched, for the record forms (empty: no record counts).
  std::function<std::optional<RecordFacts>(long long customer_id)> record_of;
  long long now = 0;           ///< the import's clock: no call may start or end after it (calls::call_time_problem)
  util::SheetColumns columns;  ///< the CSV layout's columns
};

struct CdrRow {
  util::CsvRecord record;
  std::variant<Call, std::string> call;  ///< the call (source imported, external_id set), or why not (zh / en)
};

CdrRow parse_cdr_row(util::CsvRecord record, const CdrContext& context);

}  // namespace waihu::calls
