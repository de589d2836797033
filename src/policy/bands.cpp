#include "policy/bands.hpp"

namespace waihu::policy {

std::string format_hundredths(long long v) {
  std::string sign = v < 0 ? "-" : "";
  const unsigned long long a = v < 0 ? -static_cast<unsigned long long>(v) : v;
  std::string out = sign + std::to_string(a / 100);
  if (a % 100) {
    out += "." + std::to_string(a % 100 / 10);
    if (a % 10) out += std::to_string(a % 10);
  }
  return out;
}

const Band* BandTable::find_ratio(long long num, long long den) const {
  // value ⋛ edge  ⇔  num ⋛ edge × den (den > 0), in 128 bits: amounts in fen times percentages do not overflow.
  auto cmp = [&](long long edge) {
    const __int128 l = static_cast<__int128>(num), r = static_cast<__int128>(edge) * den;
    return l < r ? -1 : l > r ? 1 : 0;
  };
  for (size_t i = 0; i < bands.size(); ++i) {
    const Band& b = bands[i];
    const int from = cmp(b.from);
    // The first band holds its own `from`: nothing starts below it.
    const bool above_from = from > 0 || (from == 0 && (b.holds_from || i == 0));
    bool below_to = true;
    if (b.to) {
      const int to = cmp(*b.to);
      const bool next_holds =
          i + 1 < bands.size() ? bands[i + 1].holds_from : boundaries == Boundaries::kLowerInclusive;
      below_to = to < 0 || (to == 0 && !next_holds);
    }
    if (above_from && below_to) return &b;
  }
  return nullptr;
}

std::optional<BandTable> read_bands(const Table& t, std::optional<long long> starts_at) {
  BandTable out;
  bool ok = true;
  auto boundaries = t.choice("boundaries", {"lower_inclusive", "upper_inclusive"});
  if (!boundaries) {
    ok = false;
  } else {
    out.boundaries = *boundaries == "lower_inclusive" ? Boundaries::kLowerInclusive : Boundaries::kUpperInclusive;
  }
  std::vector<Table> rows = t.tables("bands");
  if (rows.empty()) {
    t.problem("bands", "'bands' must list at least one band");
    return std::nullopt;
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    const Table& row = rows[i];
    auto from = row.hundredths("from");
    auto to = row.hundredths("to", false);
    if (!from) {
      ok = false;
      continue;
    }
    const bool last = i + 1 == rows.size();
    if (!to && !last) {
      row.problem("from", "only the last band may leave out 'to' (open-ended)");
      ok = false;
    }
    if (to && *to <= *from) {
      row.problem("to", "band from " + format_hundredths(*from) + " to " + format_hundredths(*to) + " is empty");
      ok = false;
    }
    if (i == 0 && starts_at && *from != *starts_at) {
      row.problem("from", "the first band must start at " + format_hundredths(*starts_at) + ": no band holds " +
                              format_hundredths(std::min(*from, *starts_at)) + " to " +
                              format_hundredths(std::max(*from, *starts_at)));
      ok = false;
    }
    if (i > 0 && !out.bands.empty()) {
      const Band& prev = out.bands.back();
      if (*from < prev.from) {
        row.problem("from", "bands out of order: the band from " + format_hundredths(*from) +
                                " comes after the band from " + format_hundredths(prev.from));
        ok = false;
      } else if (prev.to && *from < *prev.to) {
        row.problem("from", "overlap: the band from " + format_hundredths(*from) +
                                " starts before the band above ends at " + format_hundredths(*prev.to) +
                                " — which band holds " + format_hundredths(*from) + "?");
        ok = false;
      } else if (prev.to && *from > *prev.to) {
        row.problem("from", "gap: no band holds values between " + format_hundredths(*prev.to) + " and " +
                                format_hundredths(*from) + " (start this band at " + format_hundredths(*prev.to) +
                                " and say which band holds the edge with 'boundaries')");
        ok = false;
      }
    }
    const auto holds = row.boolean("holds_from", false);
    if (holds && i == 0) {
      row.problem("holds_from", "the first band always holds its 'from': nothing starts below it");
      ok = false;
    }
    out.bands.push_back({*from, to, row, holds.value_or(out.boundaries == Boundaries::kLowerInclusive)});
  }
  if (!ok) {
    // The module reads a band's own values only from a sound table: take them as read, so the one real problem
    // is not buried under "unknown key" for each of them.
    for (const Table& row : rows)
      for (const auto& k : row.keys()) row.accept(k);
    return std::nullopt;
  }
  return out;
}

}  // namespace waihu::policy
