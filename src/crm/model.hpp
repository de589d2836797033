#pragma once
// Customers (SPEC §2): the records agents call, with phones normalised to E.164, grade, status and owner.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waihu::crm {

enum class PhoneKind { kMobile, kFixed, kOther };
std::string_view phone_kind_name(PhoneKind k);

struct Phone {
  std::string e164;
  PhoneKind kind = PhoneKind::kMobile;
  std::string province;  ///< 号码归属地, zh ("江苏省"); empty when unknown
  std::string city;      ///< zh ("连云港市")
};

/// new → contacted → interested (意向) → following (跟进中) → won (成交) | lost | invalid (空号/错号)
enum class CustomerStatus { kNew, kContacted, kInterested, kFollowing, kWon, kLost, kInvalid };
std::optional<CustomerStatus> parse_status(std::string_view s);
std::string_view status_name(CustomerStatus s);

struct Customer {
  long long id = 0;
  std::string company;
  std::string company_norm;
  std::string contact_name;
  std::string title;
  std::vector<Phone> phones;
  std::string fax;
  std::string industry;
  std::string region;
  std::string size;
  std::optional<long long> headcount;
  std::string it_status;
  std::string source;
  std::string needs;
  std::string grade;  ///< "A".."D" or "" for ungraded
  CustomerStatus status = CustomerStatus::kNew;
  std::optional<long long> owner_id;  ///< nullopt: in the public pool (公海)
  std::vector<std::string> tags;
  std::string notes;
  std::optional<long long> created_by;
  long long created_at = 0;
  long long updated_at = 0;
  std::optional<long long> last_contact_at;  ///< the latest call or follow-up
  std::string last_call_result;              ///< the latest call's result code, "" before any
  std::string next_follow_up_on;             ///< "YYYY-MM-DD" set by the latest follow-up, "" when none
  std::optional<long long> callback_at;      ///< the callback time the latest follow-up set
  std::string owner_name;                    ///< filled when handed out (not stored): the owner's display name
};

/// kFollowUpDue and kCallbackDue (soonest first) list only customers that have the date or time.
enum class CustomerSort {
  kNewest,
  kOldest,
  kUpdatedDesc,
  kUpdatedAsc,
  kCompanyAsc,
  kCompanyDesc,
  kFollowUpDue,
  kCallbackDue
};
std::optional<CustomerSort> parse_customer_sort(std::string_view s);

struct CustomerFilter {
  std::optional<std::string> grade;
  std::optional<CustomerStatus> status;
  std::optional<long long> owner_id;
  std::optional<bool> pool;          ///< true: only the public pool; false: only owned
  std::optional<long long> team_id;  ///< owned by members of this team's subtree
  std::optional<std::string> region;
  std::optional<std::string> province;
  std::optional<std::string> industry;
  std::optional<std::string> source;
  std::optional<std::string> tag;
  std::string q;                             ///< free text over company, contact and phone digits
  std::optional<std::string> due_by;         ///< next follow-up on or before this date ("YYYY-MM-DD")
  std::optional<long long> callback_before;  ///< a callback time before this instant (Unix seconds)
  bool open_only = false;                    ///< leave out won, lost and invalid customers: nothing more to follow up
  CustomerSort sort = CustomerSort::kNewest;
};

/// 撞单: a customer already held by one agent that another tried to add.
struct DuplicateClaim {
  long long id = 0;
  long long customer_id = 0;
  std::optional<long long> holder_id;
  std::optional<long long> claimant_id;
  std::string reason;   ///< "phone" | "company"
  std::string matched;  ///< the phone (E.164) or normalised company name
  std::string origin;   ///< "api" | "import"
  std::string status;   ///< "open"
  long long created_at = 0;
};

}  // namespace waihu::crm
