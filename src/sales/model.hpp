#pragma once
// Deals (成交) and their money (SPEC §3, §7): who closed what for how much, and the payments (回款) and refunds
// against it. Money is in fen (1/100 yuan), always an integer.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waihu::sales {

/// Self-sourced (自拓) or visited by a field rep for the agent (代理拜访): pay rules tell them apart.
enum class Sourcing { kSelf, kProxy };
std::optional<Sourcing> parse_sourcing(std::string_view s);
std::string_view sourcing_name(Sourcing s);

enum class PaymentKind { kPayment, kRefund };
std::string_view payment_kind_name(PaymentKind k);

struct Deal {
  long long id = 0;
  long long customer_id = 0;
  long long agent_id = 0;                 ///< the closing agent
  std::optional<long long> field_rep_id;  ///< when a field rep visited for the agent
  Sourcing sourcing = Sourcing::kSelf;
  std::string product;
  long long amount_fen = 0;
  std::string closed_on;  ///< "YYYY-MM-DD"
  std::string notes;
  long long created_at = 0;
};

struct Payment {
  long long id = 0;
  long long deal_id = 0;
  PaymentKind kind = PaymentKind::kPayment;
  long long amount_fen = 0;  ///< positive; a refund subtracts
  std::string on_date;       ///< "YYYY-MM-DD"
  std::string reason;        ///< why a refund was made
  long long created_at = 0;
};

struct DealFilter {
  std::optional<long long> customer_id;
  std::optional<long long> agent_id;
  std::optional<std::string> from;  ///< closed_on ≥ from
  std::optional<std::string> to;    ///< closed_on ≤ to
};

}  // namespace waihu::sales
