// Users: role, unit, the salted hash of their API token, their password hash, revocation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patrol::store {

class Database;

struct UserRecord {
    int64_t id = 0;
    std::string name;
    std::string role;
    std::optional<int64_t> unitId;
    std::optional<std::string> unitCode;
    std::string tokenSalt;  // hex
    std::string tokenHash;  // hex SHA-256 of salt + token
    bool revoked = false;
    std::string createdAt;
    std::optional<std::string> tokenLookup;   // first 16 hex characters of the token; none before v4
    std::optional<std::string> passwordHash;  // argon2id encoded; none: no password set
};

struct NewUser {
    std::string name;
    std::string role;
    std::optional<int64_t> unitId;
    std::string tokenSalt;
    std::string tokenHash;
    std::string tokenLookup;
};

int64_t insertUser(Database& db, const NewUser& user);
std::optional<UserRecord> findUserByName(Database& db, const std::string& name);
std::optional<UserRecord> findUserById(Database& db, int64_t id);
std::optional<UserRecord> findUserByTokenLookup(Database& db, const std::string& tokenLookup);
// Users whose token was issued before tokens had a look-up (schema v3 and older).
std::vector<UserRecord> listUsersWithoutTokenLookup(Database& db);
// Ordered by name; revoked users included.
std::vector<UserRecord> listUsers(Database& db);
void markUserRevoked(Database& db, int64_t id);
// Access given back, with a new token (the revoked one stays dead).
void markUserRestored(Database& db, int64_t id, const std::string& tokenSalt, const std::string& tokenHash,
                      const std::string& tokenLookup);
void setUserPasswordHash(Database& db, int64_t id, const std::string& passwordHash);

}  // namespace patrol::store
