#pragma once
// Resignations as the payroll reads them (migration 015, written by discipline's requests): a leaver's latest
// approved resignation and the outcome its approval recorded, which decide whether the final month is paid.
#include <soci/soci.h>

#include <map>
#include <string>

namespace waihu::pay::store {

struct Resignation {
  long long id = 0;
  std::string outcome;  ///< in_order | short_notice | first_month (empty: approved without a [resignation] rule)
};

/// Each person's latest approved resignation.
std::map<long long, Resignation> approved_resignations(soci::session& sql);

}  // namespace waihu::pay::store
