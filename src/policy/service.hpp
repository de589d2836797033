#pragma once
// The company's policy versions: a manager or admin uploads a draft (checked by the loader — every problem with its
// line), the director (总经理) approves it, a manager, admin or the director publishes it, and every employee is
// asked to acknowledge it. Published versions never change; the version in force on a day is the published one
// with the latest effective date on or before it. Every step is audited.
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/company_time.hpp"
#include "db/database.hpp"
#include "org/model.hpp"
#include "policy/model.hpp"
#include "policy/store.hpp"
#include "util/line_diff.hpp"

namespace waihu::policy {

/// Reads a policy text as the modules do (app::checked); `file` names it in the problems.
using Checker = std::function<Checked(std::string_view text, const std::string& file)>;

/// What changed between two versions: the file line by line, and each section of the rule book.
struct SectionDiff {
  std::string key, title_zh, title_en;
  std::vector<util::DiffLine> zh, en;
  bool changed() const;
};
struct VersionDiff {
  std::vector<util::DiffLine> text;
  std::vector<SectionDiff> rules;
};
VersionDiff diff(const std::string& before_text, const RuleBook& before, const std::string& after_text,
                 const RuleBook& after);

class PolicyService {
 public:
  PolicyService(db::Database& db, const calendar::CompanyTime& time, Checker checker)
      : db_(db), time_(time), checker_(std::move(checker)) {}
  /// Called after a version is published, so what the rules read can be reloaded.
  void on_published(std::function<void(const Version&)> f) { on_published_ = std::move(f); }

  /// The loader's verdict on a text, nothing stored (drafters and approvers).
  Checked check(const org::Actor& actor, const std::string& text);
  /// A new draft; BadRequest "policy.invalid" with details {"problems": [{line, column, reason}]} when the loader
  /// finds any.
  Version draft(const org::Actor& actor, const std::string& text, const std::string& note);
  /// A draft's text replaced (drafts only: Conflict once approved).
  Version update_draft(const org::Actor& actor, long long id, const std::string& text, const std::string& note);
  Version approve(const org::Actor& actor, long long id);
  Version publish(const org::Actor& actor, long long id);
  /// Throws away a draft or an approved version not yet published.
  void discard(const org::Actor& actor, long long id);
  /// Draft, approval and publication at once, for `waihu policy apply` (the system actor only).
  Version apply(const org::Actor& actor, const std::string& text, const std::string& note);

  /// Published versions, and drafts and approved ones for drafters and approvers; newest first.
  std::vector<Version> list(const org::Actor& actor);
  /// NotFound for a version the actor may not see.
  Version get(const org::Actor& actor, long long id);
  std::optional<Version> in_force(const calendar::LocalDate& day);
  /// The published version `v` replaces, if any.
  std::optional<Version> previous(const Version& v);
  /// The rule book of a stored version (the text was checked when stored).
  RuleBook rule_book(const Version& v) const;

  /// Idempotent; published versions only.
  void acknowledge(const org::Actor& actor, long long id);
  /// Drafters and approvers: every enabled employee and when each acknowledged.
  std::vector<store::Acknowledgement> acknowledgements(const org::Actor& actor, long long id);
  std::vector<Version> unacknowledged(const org::Actor& actor);

 private:
  Checked checked_or_throw(const std::string& text, const std::string& file) const;
  Version load(soci::session& sql, long long id);
  db::Database& db_;
  const calendar::CompanyTime& time_;
  Checker checker_;
  std::function<void(const Version&)> on_published_;
};

/// Problems as the API and the web app show them: [{line, column, reason}].
nlohmann::json problems_json(const std::vector<Problem>& problems);
/// Refuses a policy with problems (400 policy.invalid), the first named in the message, all in the details under
/// `field` (the request field that held the text). `problems` is not empty.
[[noreturn]] void refuse_invalid(const std::vector<Problem>& problems, const std::string& field);

}  // namespace waihu::policy
