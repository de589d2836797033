#include "crm/model.hpp"

#include <array>

namespace waihu::crm {

std::string_view phone_kind_name(PhoneKind k) {
  switch (k) {
    case PhoneKind::kMobile:
      return "mobile";
    case PhoneKind::kFixed:
      return "fixed";
    case PhoneKind::kOther:
      return "other";
  }
  return "other";
}

namespace {
constexpr std::array<std::string_view, 7> kStatusNames{"new", "contacted", "interested", "following",
                                                       "won", "lost",      "invalid"};
}

std::optional<CustomerStatus> parse_status(std::string_view s) {
  for (size_t i = 0; i < kStatusNames.size(); ++i) {
    if (kStatusNames[i] == s) return static_cast<CustomerStatus>(i);
  }
  return std::nullopt;
}

std::string_view status_name(CustomerStatus s) { return kStatusNames[static_cast<size_t>(s)]; }

std::optional<CustomerSort> parse_customer_sort(std::string_view s) {
  if (s == "-id" || s == "-created_at" || s.empty()) return CustomerSort::kNewest;
  if (s == "id" || s == "created_at") return CustomerSort::kOldest;
  if (s == "-updated_at") return CustomerSort::kUpdatedDesc;
  if (s == "updated_at") return CustomerSort::kUpdatedAsc;
  if (s == "company") return CustomerSort::kCompanyAsc;
  if (s == "-company") return CustomerSort::kCompanyDesc;
  if (s == "next_follow_up_on") return CustomerSort::kFollowUpDue;
  if (s == "callback_at") return CustomerSort::kCallbackDue;
  return std::nullopt;
}

}  // namespace waihu::crm
