#pragma once
// What a month's records say for pay, read in a few grouped queries: each person's deals closed (self-sourced and
// proxy, by product), payments collected on their deals, the proxy deals a field rep visited, the month's figures
// from the metric layer, the discipline ledger's fines, bonuses and absences and the 撞单 penalties of the month
// (rows the discipline module writes for pay to read) — each with the record ids behind it, so a statement line
// can name its sources.
#include <soci/soci.h>

#include <map>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "pay/rules.hpp"

namespace waihu::pay::store {

struct PersonMonth {
  MonthFacts facts;
  std::vector<long long> own_deals, proxy_deals, payments;  ///< record ids
  std::map<long long, std::string> deal_product;            ///< of own and proxy deals
  std::vector<LedgerItem> ledger;                           ///< the month's ledger rows with money
  std::vector<ClaimPenalty> claim_penalties;                ///< 撞单 escalations of the month
};

struct MonthRecords {
  std::map<long long, PersonMonth> people;            ///< by user id; everyone with a record
  std::map<long long, long long> sales_by_agent_fen;  ///< every deal closed, by its agent (for team totals)
  std::map<long long, std::vector<long long>> deals_by_agent;
  std::map<long long, long long> deal_fen;  ///< every deal closed in the month: its amount
  std::vector<Refund> refunds;              ///< accepted in the month, on deals of any month
};

/// The month's deals, payments and figures (`period` the month's days in the company's zone).
MonthRecords month_records(soci::session& sql, const calendar::Period& period);
/// The amount of every deal closed in the period (a refund's share is taken against them).
std::map<long long, long long> deal_amounts(soci::session& sql, const calendar::Period& period);

}  // namespace waihu::pay::store
