#include "core/services/audit_trail.hpp"

#include "core/services/record_json.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/audited_rows.hpp"

namespace patrol::services {

namespace {

// The caller's `after` plus the rows the entity now stands for, which `audit verify` compares with
// the tables; events of entities without rows of their own are kept as given.
Poco::JSON::Object::Ptr withRowState(store::Database& db, const std::string& entity, const std::string& entityId,
                                     const Poco::JSON::Object::Ptr& after) {
    const store::AuditedEntity* audited = store::findAuditedEntity(entity);
    if (!after || !audited) return after;
    auto state = store::auditedRowState(db, *audited, entityId);
    if (!state) return after;
    Poco::JSON::Object::Ptr recorded = new Poco::JSON::Object(*after);
    recorded->set(store::kRowStateKey, state);
    return recorded;
}

}  // namespace

void recordChange(store::Database& db, const Actor& actor, const std::string& action, const std::string& entity,
                  const std::string& entityId, const Poco::JSON::Object::Ptr& before,
                  const Poco::JSON::Object::Ptr& after) {
    const auto recorded = withRowState(db, entity, entityId, after);
    store::appendAuditEvent(db, {actor.userId, actor.name, action, entity, entityId,
                                 before ? std::optional<std::string>(jsonText(before)) : std::nullopt,
                                 recorded ? std::optional<std::string>(jsonText(recorded)) : std::nullopt});
}

void recordItemChange(store::Database& db, const Actor& actor, const std::string& action, const std::string& entity,
                      const std::string& entityId, const Poco::JSON::Object::Ptr& item) {
    store::appendAuditEvent(db, {actor.userId, actor.name, action, entity, entityId, std::nullopt,
                                 item ? std::optional<std::string>(jsonText(item)) : std::nullopt});
}

}  // namespace patrol::services
