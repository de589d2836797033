#pragma once
// GET /api/v1/metrics: the one metric layer, by agent or team, over a day, week, month or period.
#include "http/router.hpp"
#include "kpi/service.hpp"

namespace waihu::kpi {

void register_routes(http::Router& router, MetricsService& metrics,
                     std::function<long long(const calendar::LocalDate&)> version_at);

}  // namespace waihu::kpi
