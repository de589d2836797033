#include "sales/rules.hpp"

#include <gtest/gtest.h>

namespace waihu::sales {

TEST(Money, AmountsArePositiveIntegersOfFen) {
  EXPECT_TRUE(amount_problem(1).empty());
  EXPECT_TRUE(amount_problem(kMaxAmountFen).empty());
  EXPECT_FALSE(amount_problem(0).empty());
  EXPECT_FALSE(amount_problem(-500).empty());
  EXPECT_FALSE(amount_problem(kMaxAmountFen + 1).empty());
}

TEST(Money, TotalsAndRefundLimit) {
  std::vector<Payment> p{{1, 1, PaymentKind::kPayment, 800000, "2026-11-01", "", 0},
                         {2, 1, PaymentKind::kPayment, 200000, "2026-11-10", "", 0},
                         {3, 1, PaymentKind::kRefund, 300000, "2026-11-12", "质检不合格", 0}};
  DealTotals t = totals_of(p);
  EXPECT_EQ(t.paid_fen, 1000000);
  EXPECT_EQ(t.refunded_fen, 300000);
  EXPECT_EQ(t.net_fen(), 700000);
  EXPECT_TRUE(refund_allowed(t, 700000));
  EXPECT_FALSE(refund_allowed(t, 700001));
}

TEST(Money, PaymentsStayWithinTheDealsAmount) {
  DealTotals t{600000, 100000};  // 5,000 yuan net
  EXPECT_TRUE(payment_allowed(t, 1000000, 500000));
  EXPECT_FALSE(payment_allowed(t, 1000000, 500001));
  EXPECT_TRUE(payment_allowed({}, 100, 100));
  EXPECT_FALSE(payment_allowed({}, 100, 10100));  // 101 times the deal
  std::string why = payment_exceeds_message(t, 1000000, 600000);
  EXPECT_NE(why.find("6000.00"), std::string::npos);
  EXPECT_NE(why.find("10000.00"), std::string::npos);
  EXPECT_NE(why.find("5000.00"), std::string::npos);
}

TEST(Money, FormatsYuan) {
  EXPECT_EQ(format_yuan(123450), "1234.50");
  EXPECT_EQ(format_yuan(5), "0.05");
  EXPECT_EQ(format_yuan(-300000), "-3000.00");
  EXPECT_EQ(format_yuan(0), "0.00");
}

}  // namespace waihu::sales
