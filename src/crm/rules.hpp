#pragma once
// Pure customer rules: company-name normalisation for duplicate detection, phone masking, grade and status
// rules, and what makes a record complete.
#include <string>
#include <string_view>
#include <vector>

#include "crm/model.hpp"
#include "util/lang.hpp"

namespace waihu::crm {

/// The key two spellings of one company share: full-width folded to ASCII, ASCII lower-cased, spaces and
/// punctuation removed, legal-form suffixes dropped ("北京华信科技有限公司" and "北京华信科技（有限公司）" and
/// "北京华信科技" agree). Branches (分公司) stay distinct. Empty when nothing is left.
std::string normalize_company(std::string_view name);

/// How a number is written at home: "+8613812345678" → "13812345678", "+861062345678" → "01062345678",
/// "+864008001234" → "4008001234"; other countries keep their digits with the country code.
std::string national_digits(std::string_view e164);

/// "+8613812345678" → "138****5678"; "+861062345678" → "010****5678"; others keep their first 3 and last 4 digits.
std::string mask_phone(std::string_view e164);
/// A colleague's name as a 撞单 warning shows it to someone outside their group: the first character and a star
/// for each of the rest ("张**"), enough to ask the right supervisor, not enough to go round them.
std::string mask_person_name(std::string_view name);

/// "A".."D" (any case, full-width too) → "A".."D"; "" stays ""; anything else → nullopt.
std::optional<std::string> parse_grade(std::string_view s);

/// Status moves that agents may make: forward along new → contacted → interested → following → won, to lost or
/// invalid from anywhere open, and back to following from lost (a lost customer re-engages).
bool can_change_status(CustomerStatus from, CustomerStatus to);
/// Where a customer's status ends after a series of moves proposed in time order (calls imported at once): each
/// move that the lifecycle allows from where the previous ones left it is taken.
CustomerStatus status_after_moves(CustomerStatus current, const std::vector<CustomerStatus>& moves_in_order);

/// The zh-CN word for a status, as sheets and the UI show it ("意向", "跟进中" …); parse_status_text reads it back.
std::string_view status_label_zh(CustomerStatus s);
/// The status as people read it, in both languages.
util::Label status_label(CustomerStatus s);

/// Maps the statuses people type in a sheet (中文 or English) to the lifecycle: "意向" → interested, "成交" → won …
std::optional<CustomerStatus> parse_status_text(std::string_view s);

}  // namespace waihu::crm
