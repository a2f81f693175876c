#include "core/services/task_audit.hpp"

#include "core/services/audit_trail.hpp"
#include "core/services/record_json.hpp"

namespace patrol::services {

Poco::JSON::Object::Ptr taskJson(const store::TaskRecord& t) {
    auto o = jsonObject();
    o->set("id", t.id);
    o->set("finding_id", t.findingId);
    o->set("round", t.roundCode);
    o->set("unit", t.unitCode);
    o->set("kind", t.kind);
    o->set("measure", orNull(t.measure));
    o->set("handler", orNull(t.handler));
    o->set("leader", orNull(t.leader));
    o->set("assigned_on", t.assignedOn);
    o->set("due", t.dueDate);
    o->set("status", t.status);
    o->set("level", t.level);
    o->set("returned_count", t.returnedCount);
    o->set("accepted_on", orNull(t.acceptedOn));
    o->set("verification_note", orNull(t.verificationNote));
    o->set("planned_on", orNull(t.plannedOn));
    o->set("submitted_on", orNull(t.submittedOn));
    o->set("returned_on", orNull(t.returnedOn));
    return o;
}

JsonText& taskJsonFields(JsonText& j, const store::TaskRecord& t) {
    return j.field("id", t.id)
        .field("finding_id", t.findingId)
        .field("round", t.roundCode)
        .field("unit", t.unitCode)
        .field("kind", t.kind)
        .field("measure", t.measure)
        .field("handler", t.handler)
        .field("leader", t.leader)
        .field("assigned_on", t.assignedOn)
        .field("due", t.dueDate)
        .field("status", t.status)
        .field("level", t.level)
        .field("returned_count", t.returnedCount)
        .field("accepted_on", t.acceptedOn)
        .field("verification_note", t.verificationNote)
        .field("planned_on", t.plannedOn)
        .field("submitted_on", t.submittedOn)
        .field("returned_on", t.returnedOn);
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
