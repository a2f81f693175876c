// The audit event every use case writes inside its own transaction.
#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "core/services/actor.hpp"

namespace patrol::store {
class Database;
}

namespace patrol::services {

// `before` / `after` may be null (nothing before a creation).
void recordChange(store::Database& db, const Actor& actor, const std::string& action, const std::string& entity,
                  const std::string& entityId, const Poco::JSON::Object::Ptr& before,
                  const Poco::JSON::Object::Ptr& after);

}  // namespace patrol::services
