#pragma once
// Policy versions as the company keeps them, and the rule book they are read as.
#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "policy/document.hpp"

namespace waihu::policy {

enum class Status {
  kDraft,      ///< uploaded by a manager or admin; may still change
  kApproved,   ///< approved by the director (总经理); waits to be published
  kPublished,  ///< announced to everyone; never changes again
};
std::optional<Status> parse_status(std::string_view s);
std::string_view status_name(Status s);

struct Version {
  long long id = 0;  ///< also the version number people see (v3)
  std::string name;
  calendar::LocalDate effective_from;
  Status status = Status::kDraft;
  std::string text;  ///< the TOML as uploaded
  std::string note;  ///< what changed, in the drafter's words
  std::optional<long long> created_by, approved_by, published_by;
  long long created_at = 0, updated_at = 0;
  std::optional<long long> approved_at, published_at;
  // Filled when handed out (not stored).
  std::string created_by_name, approved_by_name, published_by_name;
};

/// A section of the rule book: its title and its rules in the policy's order, in both languages
/// ("有效通话：接通且通话不少于 30 秒" / "Effective call: answered, with at least 30 seconds of talk").
struct RuleSection {
  std::string key;  ///< the policy section it renders ("effective_call")
  std::string title_zh, title_en;
  std::vector<std::string> zh, en;  ///< the same rules, one per line, in each language
};
using RuleBook = std::vector<RuleSection>;

/// What the loader made of a policy text: its problems, or the header and rule book.
struct Checked {
  std::vector<Problem> problems;
  std::string name;
  calendar::LocalDate effective_from;
  int examples = 0;
  RuleBook book;
  bool ok() const { return problems.empty(); }
};

}  // namespace waihu::policy
