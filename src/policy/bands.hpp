#pragma once
// Tables of bands and tiers (commission tiers, attainment bands, points thresholds) as a policy writes them. The
// loader proves the table is one function of its input: bands in order, no overlap, no gap, only the last one
// open-ended, and the table itself says which edge a band holds — the checks DMN's "unique" hit policy implies.
// Seed 001 writes "< 70%: 0; 71–99%: 1%"; as bands from 0 to 70 and from 71 to 99 that is a gap (which band holds
// 70.5%?) and the loader names it.
//
//   boundaries = "lower_inclusive"      # a band holds its `from`, not its `to`: [from, to)
//   bands = [ { from = 0, to = 70, rate = "0%" }, { from = 70, rate = "1%" } ]
//
// A band may move one edge against the table's rule with `holds_from = false` (the band below keeps the edge) or
// `true`: seed 001 writes "100% – 150%: 1.5%; > 150%: 2%", where 100 opens a band and 150 closes one.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policy/document.hpp"

namespace waihu::policy {

enum class Boundaries {
  kLowerInclusive,  ///< [from, to): 70 falls in the band that starts at 70
  kUpperInclusive,  ///< (from, to]: 70 falls in the band that ends at 70
};

struct Band {
  long long from = 0;           ///< hundredths (70% → 7000, 8,000 yuan → 800000)
  std::optional<long long> to;  ///< nullopt: open-ended, the last band only
  Table row;                    ///< the band's own values, read by the module that owns the table
  bool holds_from = true;       ///< the edge at `from` is this band's (else the band below's)
};

struct BandTable {
  Boundaries boundaries = Boundaries::kLowerInclusive;
  std::vector<Band> bands;
  /// The band holding `value` (hundredths); nullptr below the first band or above a closed last one.
  const Band* find(long long value) const { return find_ratio(value, 1); }
  /// The band holding the exact value `num / den` hundredths (den > 0): an attainment compared without rounding.
  const Band* find_ratio(long long num, long long den) const;
};

/// "70", "70.5", "-3.25": hundredths written as a number.
std::string format_hundredths(long long v);

/// Reads `boundaries` and `bands` from `t`. `starts_at`: the value the first band must start at (0 for
/// percentages and amounts), so nothing below it falls through. Every problem goes to the document; nullopt when
/// there was one.
std::optional<BandTable> read_bands(const Table& t, std::optional<long long> starts_at = 0);

}  // namespace waihu::policy
