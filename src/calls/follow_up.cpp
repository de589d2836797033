#include "calls/follow_up.hpp"

#include <array>

#include "util/strings.hpp"

namespace waihu::calls {

namespace {
constexpr std::array<std::string_view, 6> kChannels{"phone", "visit", "fax", "sms", "email", "wechat"};
}

std::optional<Channel> parse_channel(std::string_view s) {
  for (size_t i = 0; i < kChannels.size(); ++i) {
    if (kChannels[i] == s) return static_cast<Channel>(i);
  }
  return std::nullopt;
}

std::string_view channel_name(Channel c) { return kChannels[static_cast<size_t>(c)]; }

std::vector<std::string> missing_for_complete(const crm::Customer& customer, std::string_view content) {
  std::vector<std::string> missing;
  if (util::trim(customer.contact_name).empty()) missing.emplace_back("contact_name");
  if (util::trim(customer.company).empty()) missing.emplace_back("company");
  if (customer.phones.empty()) missing.emplace_back("phones");
  if (util::trim(content).empty()) missing.emplace_back("content");
  return missing;
}

}  // namespace waihu::calls
