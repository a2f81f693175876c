#include "core/services/task_audit.hpp"

#include "core/services/audit_trail.hpp"

namespace patrol::services {

namespace {

Poco::Dynamic::Var optional(const std::optional<std::string>& s) { return s ? Poco::Dynamic::Var(*s) : Poco::Dynamic::Var(); }

}  // namespace

Poco::JSON::Object::Ptr taskJson(const store::TaskRecord& t) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", t.id);
    o->set("finding_id", t.findingId);
    o->set("round", t.roundCode);
    o->set("unit", t.unitCode);
    o->set("kind", t.kind);
    o->set("measure", optional(t.measure));
    o->set("handler", optional(t.handler));
    o->set("leader", optional(t.leader));
    o->set("assigned_on", t.assignedOn);
    o->set("due", t.dueDate);
    o->set("status", t.status);
    o->set("level", t.level);
    o->set("returned_count", t.returnedCount);
    o->set("accepted_on", optional(t.acceptedOn));
    o->set("verification_note", optional(t.verificationNote));
    return o;
}

void auditTask(store::Database& db, const Actor& actor, const std::string& action,
               const std::optional<store::TaskRecord>& before, const store::TaskRecord& after,
               const Poco::JSON::Object::Ptr& extra) {
    auto afterObject = taskJson(after);
    if (extra)
        for (const auto& [key, value] : *extra) afterObject->set(key, value);
    recordChange(db, actor, action, kTaskEntity, std::to_string(after.id), before ? taskJson(*before) : nullptr,
                 afterObject);
}

}  // namespace patrol::services
