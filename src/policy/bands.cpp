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

const Band* BandTable::find(long long value) const {
  const bool lower = boundaries == Boundaries::kLowerInclusive;
  for (const Band& b : bands) {
    const bool above_from = lower ? value >= b.from : value > b.from;
    const bool below_to = !b.to || (lower ? value < *b.to : value <= *b.to);
    if (above_from && below_to) return &b;
  }
  // The first band of an upper-inclusive table holds its `from` too: nothing starts below it.
  if (!lower && !bands.empty() && value == bands.front().from) return &bands.front();
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
    out.bands.push_back({*from, to, row});
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
