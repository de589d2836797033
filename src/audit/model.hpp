#pragma once
// The audit trail: one row for every write that matters — who, when, what, before and after.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace waihu::audit {

struct Entry {
  long long id = 0;
  long long at = 0;
  std::optional<long long> actor_id;  ///< null for the command line / system
  std::string action;                 ///< "customer.update", "user.disable", "customer.export" …
  std::string entity;                 ///< "customer", "user", "team", "session" …
  std::optional<long long> entity_id;
  nlohmann::json before;  ///< null when created
  nlohmann::json after;   ///< null when removed
  nlohmann::json detail;  ///< anything else worth keeping (filter of an export, row counts)
};

/// An entry as people read it back: with who the actor is and what the entity is called now.
struct LoggedEntry {
  Entry entry;
  std::string actor_name, actor_username;
  std::string entity_name;  ///< a customer's, user's or team's name; "" for other entities or when gone
};

struct Filter {
  std::optional<long long> actor_id;
  std::optional<std::string> entity;
  std::optional<long long> entity_id;
  std::optional<std::string> action;
  std::optional<long long> from;  ///< inclusive, Unix seconds
  std::optional<long long> to;    ///< exclusive
};

}  // namespace waihu::audit
