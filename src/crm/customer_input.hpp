#pragma once
// One customer as given (API body, CSV row) → a validated Customer. The same checks serve the API, the importer
// and the demo generator, so a record refused in one place is refused in all.
#include <optional>
#include <string>
#include <vector>

#include "crm/model.hpp"
#include "crm/phone.hpp"

namespace waihu::crm {

/// Fields as typed by a person; absent (nullopt) fields are left as they are on update.
struct CustomerInput {
  std::optional<std::string> company, contact_name, title, fax, industry, region, size, it_status, source, needs, grade,
      status, notes;
  std::optional<std::string> headcount;  ///< text, as sheets hold it ("120", "120人")
  std::optional<std::vector<std::string>> phones;
  std::optional<std::vector<std::string>> tags;
};

struct FieldError {
  std::string field;
  std::string reason;
};

/// Applies `in` over `base` (a new Customer for create) and validates the result.
/// Returns the first problem found, naming the field; on success `out` holds the record with company_norm set.
std::optional<FieldError> apply_customer_input(const CustomerInput& in, const Customer& base,
                                               const PhoneNormalizer& phones, Customer& out);

/// Text a customer is found by (company, contact, phone digits in national form), lower-cased.
std::string customer_search_text(const Customer& c);

}  // namespace waihu::crm
