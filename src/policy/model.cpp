#include "policy/model.hpp"

namespace waihu::policy {

std::optional<Status> parse_status(std::string_view s) {
  if (s == "draft") return Status::kDraft;
  if (s == "approved") return Status::kApproved;
  if (s == "published") return Status::kPublished;
  return std::nullopt;
}

std::string_view status_name(Status s) {
  switch (s) {
    case Status::kDraft:
      return "draft";
    case Status::kApproved:
      return "approved";
    case Status::kPublished:
      return "published";
  }
  return "";
}

}  // namespace waihu::policy
