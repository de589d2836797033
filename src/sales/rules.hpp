#pragma once
// Pure money rules of deals: valid amounts, totals, and how much may still be refunded.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sales/model.hpp"
#include "util/strings.hpp"

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

/// A payment may not take the net paid above the deal's amount: a bigger one is a typo (or the amount needs
/// correcting first).
bool payment_allowed(const DealTotals& totals, long long deal_amount_fen, long long amount_fen);

/// The reason a payment is refused, naming the amounts in yuan (zh / en).
std::string payment_exceeds_message(const DealTotals& totals, long long deal_amount_fen, long long amount_fen);

using util::format_yuan;

/// An amount in yuan as sheets write it — "12800", "12,800.5", "¥12800.00", "12800元" — in fen; nullopt when it is
/// not a number with at most two decimals (no rounding: money is exact).
std::optional<long long> parse_yuan(std::string_view text);

struct FieldProblem {
  std::string field;
  std::string reason;
};
/// What keeps a deal from being recorded: product 1–200 characters, a valid amount, a real closing date not after
/// `today` ("YYYY-MM-DD", China), notes up to 4000 characters, a field rep on a proxy deal. One check for the API
/// and for imports.
std::optional<FieldProblem> deal_problem(const Deal& d, const std::string& today);

}  // namespace waihu::sales
