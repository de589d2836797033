#pragma once
// Pay over HTTP: team targets, minimum wages, running a payroll month, reading statements, what-ifs.
#include <functional>
#include <optional>
#include <string>

#include "http/router.hpp"
#include "pay/inquiry_service.hpp"
#include "pay/service.hpp"

namespace waihu::pay {

/// The pay plans of a policy not in force (a stored version by id, or a file's text) for a what-if of a month.
using DraftRules = std::function<PayRules(const org::Actor&, std::optional<long long> policy_id,
                                          const std::optional<std::string>& text, const calendar::Month&)>;

/// A what-if as the API and `waihu payroll whatif --json` print it.
nlohmann::json whatif_json(const WhatIf& w);

/// `data_dir`: where exports are written before they are sent.
void register_pay_routes(http::Router& router, PayrollService& payroll, PayInquiries& inquiries, DraftRules draft_rules,
                         std::string data_dir);

}  // namespace waihu::pay
