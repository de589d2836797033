#pragma once
// The points rules, pure: a month's end from its entries, and the catalogue looked up by key.
#include <optional>

#include "discipline/points_model.hpp"

namespace waihu::discipline {

/// The month's end for a person whose entries add up to `points`: base + points against the thresholds.
MonthEnd judge_month(const PointsPolicy& p, long long points);

/// The catalogue item named `key`, or null.
const PointsItem* find_item(const PointsPolicy& p, std::string_view key);

bool is_automatic_item(std::string_view key);

/// Whether an entry costs its subject anything (only such entries may be objected to).
bool costs_something(long long points, long long fine_fen, long long base_days_milli);
/// Whether an entry entered at `entered_at` may still be objected to at `now` (Unix seconds).
bool within_objection_window(long long objection_days, long long entered_at, long long now);

}  // namespace waihu::discipline
