#pragma once
// What each audited action is called, for people reading the log and its export.
#include <span>
#include <string_view>

#include "util/lang.hpp"

namespace waihu::audit {

/// "客户改派 / Customer reassigned" for "customer.assign"; an action not listed reads as its code in both.
util::Label action_label(std::string_view action);

struct NamedAction {
  std::string_view action;
  util::Label label;
};
/// Every action the log names, for a filter people pick from.
std::span<const NamedAction> named_actions();

}  // namespace waihu::audit
