#include "core/store/session_repository.hpp"

#include "core/store/database.hpp"

namespace patrol::store {

void insertSession(Database& db, const SessionRecord& s) {
    db.prepare("INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at) VALUES (?,?,?,?,?)")
        .bindAll(s.id, s.userId, s.csrfToken, s.createdAt, s.lastSeenAt)
        .run();
}

std::optional<SessionRecord> findSession(Database& db, const std::string& id) {
    return db.prepare("SELECT id, user_id, csrf_token, created_at, last_seen_at FROM sessions WHERE id = ?")
        .bindAll(id)
        .first([](const Statement& st) {
            return SessionRecord{st.text(0), st.integer(1), st.text(2), st.text(3), st.text(4)};
        });
}

void touchSession(Database& db, const std::string& id, const std::string& lastSeenAt) {
    db.prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ?").bindAll(lastSeenAt, id).run();
}

int deleteSession(Database& db, const std::string& id) {
    db.prepare("DELETE FROM sessions WHERE id = ?").bindAll(id).run();
    return db.changes();
}

int deleteSessionsOfUser(Database& db, int64_t userId) {
    db.prepare("DELETE FROM sessions WHERE user_id = ?").bindAll(userId).run();
    return db.changes();
}

int deleteExpiredSessions(Database& db, const std::string& idleSince, const std::string& createdSince) {
    db.prepare("DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?").bindAll(idleSince, createdSince).run();
    return db.changes();
}

}  // namespace patrol::store
