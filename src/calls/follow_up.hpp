#pragma once
// Follow-ups (跟进记录, SPEC §3): contacts with a customer beyond a logged call, with the next step and date.
// The regulations' rule: a record counts only when it holds contact, company, phone and content.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calls/model.hpp"
#include "crm/model.hpp"

namespace waihu::calls {

enum class Channel { kPhone, kVisit, kFax, kSms, kEmail, kWechat };
std::optional<Channel> parse_channel(std::string_view s);
std::string_view channel_name(Channel c);

struct FollowUp {
  long long id = 0;
  long long customer_id = 0;
  long long agent_id = 0;
  long long at = 0;
  Channel channel = Channel::kPhone;
  std::string content;
  std::string outcome;
  std::string next_step;
  std::string next_follow_up_on;         ///< "YYYY-MM-DD" or ""
  std::optional<long long> callback_at;  ///< when the customer asked to be called back (Unix seconds)
  bool complete = false;
  /// A fax that counts (seed 003): the record held contact, title, company, phone and fax number, after a call by
  /// the same agent to that customer. Decided when recorded.
  bool counts_as_fax = false;
  std::vector<std::string> missing;  ///< what keeps it from counting: "contact_name", "company", "phones", "content"
  long long created_at = 0;
  std::optional<Fabrication> fabricated;
};

/// The fields a follow-up on `customer` with `content` lacks to count as complete (empty: it counts).
std::vector<std::string> missing_for_complete(const crm::Customer& customer, std::string_view content);

}  // namespace waihu::calls
