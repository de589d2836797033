#pragma once
// Ranking people by a figure (评比, 末位淘汰): competition ranks — equal figures share a rank and the next rank
// skips (1, 2, 2, 4) — counted from the top and from the bottom, so "the bottom three" lists everyone tied at the
// edge. Pure; the leaderboards and the month-end elimination list both rank with it.
#include <vector>

namespace waihu::kpi {

struct Scored {
  long long id = 0, value = 0;
};

struct RankedScore {
  long long id = 0, value = 0;
  int rank = 0;         ///< 1 + how many have more
  int from_bottom = 0;  ///< 1 + how many have less
};

/// Best first; ties in id order.
std::vector<RankedScore> rank_scores(std::vector<Scored> scores);

}  // namespace waihu::kpi
