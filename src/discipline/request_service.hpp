#pragma once
// Requests as people work them: an agent asks for leave (with a sick-leave certificate), overtime or to resign; the
// supervisor above approves or rejects with a note. Whether leave excuses its days is decided when the day closes,
// by the rules in force then; the request answers what it would come to if approved now.
#include <optional>
#include <string>
#include <vector>

#include "discipline/closing.hpp"
#include "discipline/request_store.hpp"
#include "org/service.hpp"

namespace waihu::discipline {

struct NewRequest {
  std::string kind;  ///< personal, sick, overtime, resignation
  calendar::LocalDate from, to;
  long long minutes = 0;
  std::string reason;
};

/// A request with what the rules make of it and who it is.
struct RequestView {
  store::StaffRequest r;
  std::string user_name, decided_by_name;
  /// Leave: "excused" or why not (as if approved now while pending); resignation: its outcome so far.
  std::string verdict;
};

struct RequestPage {
  std::vector<RequestView> items;
  std::optional<std::string> next_cursor;
};

struct Certificate {
  std::string path, name, type;
};

class RequestService {
 public:
  RequestService(db::Database& db, const calendar::CompanyTime& time, org::OrgService& org, RulesAt rules,
                 std::string data_dir)
      : db_(db), time_(time), org_(org), rules_(std::move(rules)), data_dir_(std::move(data_dir)) {}
  RequestView create(const org::Actor& actor, const NewRequest& in);
  /// The requester withdraws a pending request.
  RequestView cancel(const org::Actor& actor, long long id);
  /// Needs approve_requests, the requester in scope and not oneself.
  RequestView decide(const org::Actor& actor, long long id, bool approve, const std::string& note);
  /// Own ("mine") or to approve (people in scope but oneself; needs approve_requests); newest first.
  RequestPage list(const org::Actor& actor, bool mine, const std::optional<std::string>& state,
                   const std::string& cursor, int limit);
  RequestView get(const org::Actor& actor, long long id);
  /// The requester attaches a certificate (JPEG, PNG or PDF, at most 10 MB) to a sick-leave request.
  RequestView attach_certificate(const org::Actor& actor, long long id, const std::string& bytes,
                                 const std::string& filename);
  Certificate certificate(const org::Actor& actor, long long id);

 private:
  store::StaffRequest visible(const org::Actor& actor, long long id);
  RequestView view(const store::StaffRequest& r);
  db::Database& db_;
  const calendar::CompanyTime& time_;
  org::OrgService& org_;
  RulesAt rules_;
  std::string data_dir_;
};

}  // namespace waihu::discipline
