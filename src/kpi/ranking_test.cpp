#include "kpi/ranking.hpp"

#include <gtest/gtest.h>

namespace waihu::kpi {

TEST(Ranking, EqualFiguresShareARankAndTheNextOneSkips) {
  const auto r = rank_scores({{1, 500}, {2, 900}, {3, 900}, {4, 0}, {5, 700}});
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0].id, 2);
  EXPECT_EQ(r[1].id, 3);
  EXPECT_EQ(r[0].rank, 1);
  EXPECT_EQ(r[1].rank, 1);
  EXPECT_EQ(r[2].rank, 3);  // 700
  EXPECT_EQ(r[3].rank, 4);  // 500
  EXPECT_EQ(r[4].rank, 5);  // 0
  EXPECT_EQ(r[4].from_bottom, 1);
  EXPECT_EQ(r[3].from_bottom, 2);
  EXPECT_EQ(r[0].from_bottom, 4);  // tied at the top: four have less than neither, so both are 4th from the bottom
}

TEST(Ranking, TiesAtTheBottomEdgeAreAllAmongTheBottomThree) {
  // 0, 100, 200, 200: the two 200s are both third from the bottom.
  const auto r = rank_scores({{1, 200}, {2, 200}, {3, 100}, {4, 0}, {5, 900}});
  int bottom_three = 0;
  for (const auto& s : r) bottom_three += s.from_bottom <= 3;
  EXPECT_EQ(bottom_three, 4);
}

TEST(Ranking, NobodyToRankIsAnEmptyBoard) { EXPECT_TRUE(rank_scores({}).empty()); }

}  // namespace waihu::kpi
