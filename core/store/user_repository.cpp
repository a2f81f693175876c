#include "core/store/user_repository.hpp"

#include "core/store/clock.hpp"
#include "core/store/database.hpp"

namespace patrol::store {

namespace {

constexpr const char* kUserSelect =
    "SELECT u.id, u.name, u.role, u.unit_id, n.code, u.token_salt, u.token_hash, u.revoked, u.created_at, "
    "u.token_lookup, u.password_hash "
    "FROM users u LEFT JOIN units n ON n.id = u.unit_id ";

UserRecord readUser(const Statement& st) {
    return {st.integer(0), st.text(1), st.text(2), st.optionalInteger(3), st.optionalText(4),
            st.text(5),    st.text(6), st.integer(7) != 0, st.text(8),    st.optionalText(9), st.optionalText(10)};
}

}  // namespace

int64_t insertUser(Database& db, const NewUser& user) {
    db.prepare("INSERT INTO users (name, role, unit_id, token_salt, token_hash, token_lookup, created_at) "
               "VALUES (?,?,?,?,?,?,?)")
        .bindAll(user.name, user.role, user.unitId, user.tokenSalt, user.tokenHash, user.tokenLookup, utcTimestampNow())
        .run();
    return db.lastInsertId();
}

std::optional<UserRecord> findUserByName(Database& db, const std::string& name) {
    return db.prepare(std::string(kUserSelect) + "WHERE u.name = ?").bindAll(name).first(readUser);
}

std::optional<UserRecord> findUserById(Database& db, int64_t id) {
    return db.prepare(std::string(kUserSelect) + "WHERE u.id = ?").bindAll(id).first(readUser);
}

std::optional<UserRecord> findUserByTokenLookup(Database& db, const std::string& tokenLookup) {
    return db.prepare(std::string(kUserSelect) + "WHERE u.token_lookup = ?").bindAll(tokenLookup).first(readUser);
}

std::vector<UserRecord> listUsersWithoutTokenLookup(Database& db) {
    return db.prepare(std::string(kUserSelect) + "WHERE u.token_lookup IS NULL ORDER BY u.id").collect(readUser);
}

std::vector<UserRecord> listUsers(Database& db) {
    return db.prepare(std::string(kUserSelect) + "ORDER BY u.name").collect(readUser);
}

void markUserRevoked(Database& db, int64_t id) { db.prepare("UPDATE users SET revoked = 1 WHERE id = ?").bindAll(id).run(); }

void markUserRestored(Database& db, int64_t id, const std::string& tokenSalt, const std::string& tokenHash,
                      const std::string& tokenLookup) {
    db.prepare("UPDATE users SET revoked = 0, token_salt = ?, token_hash = ?, token_lookup = ? WHERE id = ?")
        .bindAll(tokenSalt, tokenHash, tokenLookup, id)
        .run();
}

void setUserPasswordHash(Database& db, int64_t id, const std::string& passwordHash) {
    db.prepare("UPDATE users SET password_hash = ? WHERE id = ?").bindAll(passwordHash, id).run();
}

}  // namespace patrol::store
