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

// For a command that writes one event per item of the same entity (e.g. each target unit of a
// round): only the item, without the entity's row state. The command records its last item with
// recordChange, so the entity's latest event, the one `audit verify` compares with the tables,
// carries the whole state once, instead of every event repeating a state that grows with each.
void recordItemChange(store::Database& db, const Actor& actor, const std::string& action, const std::string& entity,
                      const std::string& entityId, const Poco::JSON::Object::Ptr& item);

}  // namespace patrol::services
