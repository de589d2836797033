#include "sales/model.hpp"

namespace waihu::sales {

std::optional<Sourcing> parse_sourcing(std::string_view s) {
  if (s == "self") return Sourcing::kSelf;
  if (s == "proxy") return Sourcing::kProxy;
  return std::nullopt;
}

std::string_view sourcing_name(Sourcing s) { return s == Sourcing::kSelf ? "self" : "proxy"; }

std::string_view payment_kind_name(PaymentKind k) { return k == PaymentKind::kPayment ? "payment" : "refund"; }

}  // namespace waihu::sales
