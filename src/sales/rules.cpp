#include "sales/rules.hpp"

#include <algorithm>
#include <cstdio>

#include "util/clock.hpp"
#include "util/strings.hpp"

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

bool payment_allowed(const DealTotals& totals, long long deal_amount_fen, long long amount_fen) {
  return amount_fen <= deal_amount_fen - totals.net_fen();
}

std::string payment_exceeds_message(const DealTotals& totals, long long deal_amount_fen, long long amount_fen) {
  const std::string room = format_yuan(std::max(0LL, deal_amount_fen - totals.net_fen()));
  return "回款 " + format_yuan(amount_fen) + " 元超过成交金额 " + format_yuan(deal_amount_fen) + " 元减去已回款 " +
         format_yuan(totals.net_fen()) + " 元后的 " + room + " 元；如金额有误请先更正成交金额 / a payment of " +
         format_yuan(amount_fen) + " yuan exceeds what is left of the deal's " + format_yuan(deal_amount_fen) +
         " yuan after " + format_yuan(totals.net_fen()) + " yuan paid (" + room +
         " yuan); correct the deal's amount first if it is wrong";
}

std::optional<long long> parse_yuan(std::string_view text) {
  std::string_view t = util::trim(text);
  for (std::string_view sign : {"¥", "￥"}) {
    if (t.starts_with(sign)) t = util::trim(t.substr(sign.size()));
  }
  if (t.ends_with("元")) t = util::trim(t.substr(0, t.size() - std::string_view("元").size()));
  if (t.empty()) return std::nullopt;
  long long yuan = 0, fen = 0;
  size_t i = 0, digits = 0;
  for (; i < t.size() && t[i] != '.'; ++i) {
    if (t[i] == ',') continue;
    if (t[i] < '0' || t[i] > '9' || yuan > kMaxAmountFen) return std::nullopt;
    yuan = yuan * 10 + (t[i] - '0');
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (i < t.size()) {
    std::string_view decimals = t.substr(i + 1);
    if (decimals.empty() || decimals.size() > 2) return std::nullopt;
    for (char ch : decimals) {
      if (ch < '0' || ch > '9') return std::nullopt;
      fen = fen * 10 + (ch - '0');
    }
    if (decimals.size() == 1) fen *= 10;
  }
  return yuan * 100 + fen;
}

std::optional<FieldProblem> deal_problem(const Deal& d, const std::string& today) {
  if (d.product.empty() || util::utf8_length(d.product) > 200) {
    return FieldProblem{"product", "产品须为 1-200 个字符 / must be 1-200 characters"};
  }
  if (auto problem = amount_problem(d.amount_fen); !problem.empty()) return FieldProblem{"amount_fen", problem};
  if (!util::is_valid_date(d.closed_on)) return FieldProblem{"closed_on", "应为 YYYY-MM-DD / must be YYYY-MM-DD"};
  if (d.closed_on > today) return FieldProblem{"closed_on", "不能是将来的日期 / cannot be in the future"};
  if (util::utf8_length(d.notes) > 4000) return FieldProblem{"notes", "最多 4000 个字符 / at most 4000 characters"};
  if (d.sourcing == Sourcing::kProxy && !d.field_rep_id) {
    return FieldProblem{"field_rep_id", "代理拜访的成交须注明商务代表 / a proxy deal names its field rep"};
  }
  return std::nullopt;
}

}  // namespace waihu::sales
