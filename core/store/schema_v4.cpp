// Schema v4: sign-in. A token found by its first characters, passwords, server-side sessions
// and the failed sign-ins counted per name.
#include "core/store/schema_sql.hpp"

namespace patrol::store {

const std::string_view kSchemaV4 = R"SQL(
-- The first 16 hex characters of the user's API token, so a token is found by one indexed
-- look-up and one salted-hash comparison. NULL for tokens issued before v4 (checked one by one
-- until the user is restored with a new token).
ALTER TABLE users ADD COLUMN token_lookup TEXT;
CREATE UNIQUE INDEX users_by_token_lookup ON users(token_lookup) WHERE token_lookup IS NOT NULL;
CREATE INDEX users_without_token_lookup ON users(id) WHERE token_lookup IS NULL;
-- argon2id in its encoded form ("$argon2id$v=19$m=...,t=...,p=...$salt$hash"); NULL: no password.
ALTER TABLE users ADD COLUMN password_hash TEXT;

-- A signed-in browser. The id is the SHA-256 of the session token the browser holds; the
-- token itself is never stored. Times are UTC (ISO 8601) of the real clock.
CREATE TABLE sessions (
  id           TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  csrf_token   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);

-- Failed sign-ins in a row for a name as typed (whether or not such a user exists), and the
-- end of its lock. Forgotten after a success or once the failures have gone quiet.
CREATE TABLE signin_failures (
  name           TEXT PRIMARY KEY,
  failures       INTEGER NOT NULL CHECK (failures > 0),
  last_failed_at TEXT NOT NULL,
  locked_until   TEXT
);
CREATE INDEX signin_failures_by_time ON signin_failures(last_failed_at);
)SQL";

}  // namespace patrol::store
