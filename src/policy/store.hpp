#pragma once
// SQL for policy versions and their acknowledgements. Runs on the caller's session/transaction.
#include <soci/soci.h>

#include <optional>
#include <vector>

#include "policy/model.hpp"

namespace waihu::policy::store {

long long insert_version(soci::session& sql, const Version& v);
/// A draft's text, name, date and note, replaced.
void update_draft(soci::session& sql, const Version& v);
void mark_approved(soci::session& sql, long long id, std::optional<long long> by, long long at);
void mark_published(soci::session& sql, long long id, std::optional<long long> by, long long at);
void delete_version(soci::session& sql, long long id);
std::optional<Version> version(soci::session& sql, long long id);
/// Newest first; drafts and approved versions only when `with_unpublished`.
std::vector<Version> versions(soci::session& sql, bool with_unpublished);
/// The published version in force on `day`: the latest effective date on or before it, the later published of two
/// on the same date.
std::optional<Version> in_force(soci::session& sql, const calendar::LocalDate& day);
/// The published version in force before `v` took effect (what it replaces).
std::optional<Version> previous(soci::session& sql, const Version& v);

/// True when this acknowledgement is new.
bool acknowledge(soci::session& sql, long long version_id, long long user_id, long long at);
struct Acknowledgement {
  long long user_id = 0;
  std::string display_name, username;
  long long team_id = 0;
  std::optional<long long> at;  ///< nullopt: not yet
};
/// Every enabled user, with the time each acknowledged the version.
std::vector<Acknowledgement> acknowledgements(soci::session& sql, long long version_id);
/// Published versions `user_id` has not acknowledged, oldest first.
std::vector<Version> unacknowledged(soci::session& sql, long long user_id);

}  // namespace waihu::policy::store
