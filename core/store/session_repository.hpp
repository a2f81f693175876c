// Signed-in browsers, kept server-side: a session is found by the SHA-256 of its token.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace patrol::store {

class Database;

struct SessionRecord {
    std::string id;  // SHA-256 hex of the session token
    int64_t userId = 0;
    std::string csrfToken;
    std::string createdAt;   // UTC, ISO 8601
    std::string lastSeenAt;  // UTC, ISO 8601
};

void insertSession(Database& db, const SessionRecord& session);
std::optional<SessionRecord> findSession(Database& db, const std::string& id);
void touchSession(Database& db, const std::string& id, const std::string& lastSeenAt);
// Returns the number of sessions deleted.
int deleteSession(Database& db, const std::string& id);
int deleteSessionsOfUser(Database& db, int64_t userId);
// Sessions idle since before `idleSince` or created before `createdSince` (both UTC timestamps).
int deleteExpiredSessions(Database& db, const std::string& idleSince, const std::string& createdSince);

}  // namespace patrol::store
