#include "calls/activity.hpp"

#include <gtest/gtest.h>

namespace waihu::calls {

TEST(ConnectRate, IsInBasisPointsRoundedHalfUpAndZeroWithoutDials) {
  EXPECT_EQ(connect_rate_bp({}), 0);
  EXPECT_EQ(connect_rate_bp({.dials = 3, .connects = 1}), 3333);
  EXPECT_EQ(connect_rate_bp({.dials = 3, .connects = 2}), 6667);
  EXPECT_EQ(connect_rate_bp({.dials = 8, .connects = 1}), 1250);
  EXPECT_EQ(connect_rate_bp({.dials = 4, .connects = 4}), 10000);
}

TEST(AddFigures, SumsCountsAndKeepsTheEarliestAndLatestCall) {
  CallFigures total;
  add_figures(
      total,
      {.dials = 2, .connects = 1, .effective = 1, .talk_seconds = 90, .first_call_at = 100, .last_call_at = 200});
  add_figures(total, {});  // an agent without calls changes nothing
  add_figures(
      total, {.dials = 1, .connects = 1, .effective = 0, .talk_seconds = 30, .first_call_at = 50, .last_call_at = 150});
  EXPECT_EQ(total.dials, 3);
  EXPECT_EQ(total.connects, 2);
  EXPECT_EQ(total.effective, 1);
  EXPECT_EQ(total.talk_seconds, 120);
  EXPECT_EQ(total.first_call_at, 50);
  EXPECT_EQ(total.last_call_at, 200);
}

}  // namespace waihu::calls
