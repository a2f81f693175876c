// Use cases for users: add (a new API token shown once; only salt + SHA-256 stored), list,
// revoke (which also ends the user's sessions), and authenticate a token (for the HTTP front door).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/services/actor.hpp"
#include "core/store/user_repository.hpp"

namespace patrol::services {

struct UserInput {
    std::string name;
    std::string role;                       // admin | inspector | unit | leader
    std::optional<std::string> unitCode;    // required for role unit
    std::vector<std::string> conflictUnits;  // unit codes of declared conflicts of interest
};

struct AddedUser {
    store::UserRecord user;
    std::string token;  // 64 hex characters; never stored, never shown again
};

AddedUser addUser(store::Database& db, const Actor& actor, const UserInput& input);

struct UserView {
    store::UserRecord user;
    std::vector<std::string> conflictUnits;  // codes
};

std::vector<UserView> listUsers(store::Database& db, const Actor& actor);
// Nobody revokes themselves, and the last active admin is never revoked: someone must remain
// who can manage users.
store::UserRecord revokeUser(store::Database& db, const Actor& actor, const std::string& name);
// Undoes a revocation with a new token, shown once; the revoked token stays invalid because it
// may have been revoked for leaking.
AddedUser restoreUser(store::Database& db, const Actor& actor, const std::string& name);

// The actor a token belongs to; none for an unknown or revoked token. Constant work per call.
std::optional<Actor> authenticateToken(store::Database& db, const std::string& token);

// SHA-256 hex of salt + token, as stored.
std::string hashToken(const std::string& saltHex, const std::string& token);

}  // namespace patrol::services
