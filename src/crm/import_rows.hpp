#pragma once
// One CSV record of a customer sheet → a validated candidate customer, or the reason it is refused (with the
// column at fault). Pure apart from the owner lookup it is given, so it can run on its own thread.
#include <functional>
#include <optional>
#include <string>
#include <variant>

#include "crm/customer_input.hpp"
#include "crm/import_mapping.hpp"
#include "crm/phone.hpp"
#include "util/csv.hpp"

namespace waihu::crm {

struct RowRejection {
  std::string column;  ///< header text, "" when the whole row is at fault
  std::string reason;
};

struct ParsedRow {
  util::CsvRecord record;
  CustomerInput input;                             ///< the row's cells as given (for dedupe=update)
  std::variant<Customer, RowRejection> candidate;  ///< validated, or why not
};

/// Owner id for a username in the sheet's owner column; nullopt when unknown, disabled or out of scope.
using OwnerResolver = std::function<std::optional<long long>(const std::string& username)>;

/// Reads a record into a candidate customer owned by `default_owner` (or the row's owner column).
ParsedRow parse_customer_row(util::CsvRecord record, const ColumnMapping& mapping,
                             std::optional<long long> default_owner, const OwnerResolver& owners,
                             const PhoneNormalizer& phones);

/// Only the row's non-empty cells: what dedupe=update fills into an existing customer.
CustomerInput filled_cells(const util::CsvRecord& record, const ColumnMapping& mapping);

/// The header of the first column mapped to `field` (API name), or the field name itself.
std::string column_of(const ColumnMapping& mapping, const std::string& field);

}  // namespace waihu::crm
