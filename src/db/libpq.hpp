#pragma once
// For db/ only: the libpq connection under a SOCI PostgreSQL session, and the SQLSTATEs the store acts on.
#include <libpq-fe.h>
#include <soci/soci.h>

#include <string_view>

namespace waihu::db {

/// The session's libpq connection; nullptr when its last open failed. The session must be PostgreSQL's.
PGconn* pg_connection(soci::session& sql);

/// Owns a libpq result.
struct PgResult {
  PGresult* r = nullptr;
  explicit PgResult(PGresult* result) : r(result) {}
  PgResult(PgResult&& other) noexcept : r(other.r) { other.r = nullptr; }
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  PgResult& operator=(PgResult&&) = delete;
  ~PgResult() { PQclear(r); }
};

/// Throws what SOCI would, so Database's error translation (unique violations, lost connections, timeouts) sees
/// one type whichever path ran the statement. A result without a SQLSTATE means the connection failed.
[[noreturn]] void throw_pg(PGconn* conn, PGresult* r, const char* what);

namespace sqlstate {
inline constexpr std::string_view kUniqueViolation = "23505";
inline constexpr std::string_view kSerializationFailure = "40001";
inline constexpr std::string_view kDeadlock = "40P01";
inline constexpr std::string_view kStatementTimeout = "57014";
inline constexpr std::string_view kTooManyConnections = "53300";
inline constexpr std::string_view kInFailedTransaction = "25P02";
}  // namespace sqlstate

}  // namespace waihu::db
