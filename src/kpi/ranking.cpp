#include "kpi/ranking.hpp"

#include <algorithm>

namespace waihu::kpi {

std::vector<RankedScore> rank_scores(std::vector<Scored> scores) {
  std::sort(scores.begin(), scores.end(),
            [](const Scored& a, const Scored& b) { return a.value != b.value ? a.value > b.value : a.id < b.id; });
  std::vector<RankedScore> out;
  out.reserve(scores.size());
  const int n = static_cast<int>(scores.size());
  for (int i = 0; i < n; ++i) {
    // The first of a run of equal figures gives the run its rank; the last gives its rank from the bottom.
    int first = i, last = i;
    while (first > 0 && scores[static_cast<size_t>(first - 1)].value == scores[static_cast<size_t>(i)].value) --first;
    while (last + 1 < n && scores[static_cast<size_t>(last + 1)].value == scores[static_cast<size_t>(i)].value) ++last;
    out.push_back({scores[static_cast<size_t>(i)].id, scores[static_cast<size_t>(i)].value, first + 1, n - last});
  }
  return out;
}

}  // namespace waihu::kpi
