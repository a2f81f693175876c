#include "core/services/audit_trail.hpp"

#include "core/services/record_json.hpp"
#include "core/store/audit_log.hpp"

namespace patrol::services {

void recordChange(store::Database& db, const Actor& actor, const std::string& action, const std::string& entity,
                  const std::string& entityId, const Poco::JSON::Object::Ptr& before,
                  const Poco::JSON::Object::Ptr& after) {
    store::appendAuditEvent(db, {actor.userId, actor.name, action, entity, entityId,
                                 before ? std::optional<std::string>(jsonText(before)) : std::nullopt,
                                 after ? std::optional<std::string>(jsonText(after)) : std::nullopt});
}

}  // namespace patrol::services
