#pragma once
// One row of a deals sheet (成交登记表) → a deal, with the first payment when the row carries one, or the reason
// it cannot be one (with the column at fault). Pure: what it consults is given and read-only. The layout is in
// docs/deal-import.md.
#include <optional>
#include <string>
#include <unordered_set>

#include "crm/phone.hpp"
#include "crm/phone_directory.hpp"
#include "org/model.hpp"
#include "sales/model.hpp"
#include "util/csv.hpp"
#include "util/sheet_columns.hpp"

namespace waihu::sales {

enum class DealColumn {
  kContractNo,
  kCustomerPhone,
  kCustomerId,
  kAgent,
  kFieldRep,
  kSourcing,
  kProduct,
  kAmount,
  kClosedOn,
  kPaidAmount,
  kPaidOn,
  kNotes,
};

/// Throws std::invalid_argument naming missing required columns (agent, product, amount, closed_on, and a
/// customer phone or id) or a column given twice.
util::SheetColumns map_deal_header(const std::vector<std::string>& header);

struct DealSheetContext {
  util::SheetColumns columns;
  const org::PeopleDirectory* people = nullptr;  ///< agents the importer may record deals for
  const std::unordered_set<long long>* field_reps = nullptr;
  const crm::PhoneNormalizer* phones = nullptr;
  const crm::PhoneDirectory* customers = nullptr;
  std::string today;  ///< "YYYY-MM-DD", China
};

struct DealRow {
  util::CsvRecord record;
  std::string error_column;  ///< header of the column at fault ("" for the whole row)
  std::string error;         ///< empty when the row is good
  Deal deal;                 ///< customer, agent, field rep resolved; amounts in fen
  std::string contract_no;   ///< as written, "" when the sheet has none
  std::optional<Payment> payment;
};

DealRow parse_deal_row(util::CsvRecord record, const std::vector<std::string>& header, const DealSheetContext& ctx);

}  // namespace waihu::sales
