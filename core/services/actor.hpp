// Who is acting: every use case takes one, and authorization is decided from it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/domain/role.hpp"

namespace patrol::store {
class Database;
struct UserRecord;
}

namespace patrol::services {

struct Actor {
    std::optional<int64_t> userId;  // none for the local administrator
    std::string name;
    domain::Role role = domain::Role::Admin;
    std::optional<int64_t> unitId;  // the unit of a `unit` user
};

// The person at the local console when no user is named: may do everything.
Actor localAdministrator();

// The actor a front door names: a stored, non-revoked user, or the local administrator for
// "admin" when no user of that name exists. UserError for an unknown or revoked user.
Actor actorByName(store::Database& db, const std::string& name);

// The actor a stored user acts as (whether revoked is the caller's business).
Actor actorOf(const store::UserRecord& user);

}  // namespace patrol::services
