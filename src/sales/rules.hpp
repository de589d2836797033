#pragma once
// Pure money rules of deals: valid amounts, totals, and how much may still be refunded.
#include <optional>
#include <string>
#include <vector>

#include "sales/model.hpp"

namespace waihu::sales {

/// 10 billion yuan: anything larger is a typo.
inline constexpr long long kMaxAmountFen = 1'000'000'000'000LL;

/// Empty when `fen` is a positive amount within kMaxAmountFen, else the reason.
std::string amount_problem(long long fen);

struct DealTotals {
  long long paid_fen = 0;
  long long refunded_fen = 0;
  long long net_fen() const { return paid_fen - refunded_fen; }
};
DealTotals totals_of(const std::vector<Payment>& payments);

/// A refund may not exceed what was paid and not yet refunded.
bool refund_allowed(const DealTotals& totals, long long amount_fen);

/// "1234.50" from 123450 fen (negative amounts keep their sign).
std::string format_yuan(long long fen);

}  // namespace waihu::sales
