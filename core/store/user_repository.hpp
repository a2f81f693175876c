// Users: role, unit, the salted hash of their API token, revocation.
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
};

struct NewUser {
    std::string name;
    std::string role;
    std::optional<int64_t> unitId;
    std::string tokenSalt;
    std::string tokenHash;
};

int64_t insertUser(Database& db, const NewUser& user);
std::optional<UserRecord> findUserByName(Database& db, const std::string& name);
std::optional<UserRecord> findUserById(Database& db, int64_t id);
// Ordered by name; revoked users included.
std::vector<UserRecord> listUsers(Database& db);
void markUserRevoked(Database& db, int64_t id);
// Access given back, with a new token (the revoked one stays dead).
void markUserRestored(Database& db, int64_t id, const std::string& tokenSalt, const std::string& tokenHash);

}  // namespace patrol::store
