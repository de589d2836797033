#pragma once
// One record of a CDR file → a call ready to store (agent, number, customer, times, result, key), or the reason
// it cannot be one. Pure: everything it consults is given and read-only, so it runs on the import's reading
// thread.
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "calls/cdr_rules.hpp"
#include "calls/model.hpp"
#include "calls/rules.hpp"
#include "crm/phone.hpp"
#include "crm/phone_directory.hpp"
#include "util/csv.hpp"
#include "util/time_zone.hpp"

namespace waihu::calls {

/// Agents as phone systems know them (extension) and as the CSV layout may name them (username).
struct AgentDirectory {
  std::unordered_map<std::string, long long> by_extension;
  std::unordered_map<std::string, long long> by_username;
};

struct CdrContext {
  CdrFormat format = CdrFormat::kAsterisk;
  const util::TimeZone* time_zone = nullptr;  ///< the phone server's zone, for times written without one
  std::vector<std::string> strip_prefixes;
  const AgentDirectory* agents = nullptr;
  const crm::PhoneNormalizer* phones = nullptr;
  const crm::PhoneDirectory* customers = nullptr;
  EffectiveCallPolicy policy;
  std::vector<std::optional<CdrColumn>> columns;  ///< the CSV layout's column for each header position
};

struct CdrRow {
  util::CsvRecord record;
  std::variant<Call, std::string> call;  ///< the call (source imported, external_id set), or why not (zh / en)
};

/// The CSV layout's column for each header cell. Throws std::invalid_argument naming the required columns
/// (agent, number, start, result) that are missing or a column given twice.
std::vector<std::optional<CdrColumn>> map_cdr_header(const std::vector<std::string>& header);

CdrRow parse_cdr_row(util::CsvRecord record, const CdrContext& context);

}  // namespace waihu::calls
