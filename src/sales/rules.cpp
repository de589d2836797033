#include "sales/rules.hpp"

#include <cstdio>

namespace waihu::sales {

std::string amount_problem(long long fen) {
  if (fen <= 0) return "金额应大于 0（单位：分）/ amount must be positive (in fen)";
  if (fen > kMaxAmountFen) return "金额过大 / amount too large";
  return {};
}

DealTotals totals_of(const std::vector<Payment>& payments) {
  DealTotals t;
  for (const auto& p : payments) (p.kind == PaymentKind::kPayment ? t.paid_fen : t.refunded_fen) += p.amount_fen;
  return t;
}

bool refund_allowed(const DealTotals& totals, long long amount_fen) { return amount_fen <= totals.net_fen(); }

std::string format_yuan(long long fen) {
  unsigned long long abs =
      fen < 0 ? static_cast<unsigned long long>(-(fen + 1)) + 1 : static_cast<unsigned long long>(fen);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s%llu.%02llu", fen < 0 ? "-" : "", abs / 100, abs % 100);
  return buf;
}

}  // namespace waihu::sales
