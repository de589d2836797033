#pragma once
// For db/ only: the libpq connection under a SOCI PostgreSQL session, and the SQLSTATEs the store acts on.
#include <libpq-fe.h>
#include <soci/soci.h>

#include <string_view>

namespace waihu::db {

/// The session's libpq connection; nullptr when its last open failed. The session must be PostgreSQL's.
PGconn* pg_connection(soci::session& sql);

namespace sqlstate {
inline constexpr std::string_view kUniqueViolation = "23505";
inline constexpr std::string_view kSerializationFailure = "40001";
inline constexpr std::string_view kDeadlock = "40P01";
inline constexpr std::string_view kStatementTimeout = "57014";
inline constexpr std::string_view kTooManyConnections = "53300";
inline constexpr std::string_view kInFailedTransaction = "25P02";
}  // namespace sqlstate

}  // namespace waihu::db
