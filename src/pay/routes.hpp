#pragma once
// Pay over HTTP: team targets, running a payroll month, reading statements.
#include "http/router.hpp"
#include "pay/service.hpp"

namespace waihu::pay {

void register_pay_routes(http::Router& router, PayrollService& payroll);

}  // namespace waihu::pay
