#include "core/services/task_audit.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

#include "core/services/audit_trail.hpp"
#include "core/services/record_json.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/audited_rows.hpp"

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

namespace {

// One value of `extra` as Poco's stringify writes it inside an object.
void extraValue(JsonText& json, const Poco::Dynamic::Var& value) {
    if (value.isString()) {
        json.value(value.extract<std::string>());
    } else if (value.isInteger() && !value.isBoolean()) {
        json.value(value.convert<int64_t>());
    } else {
        std::ostringstream out;  // arrays, objects and the rare others: Poco's own spelling
        if (value.type() == typeid(Poco::JSON::Array::Ptr))
            value.extract<Poco::JSON::Array::Ptr>()->stringify(out);
        else if (value.type() == typeid(Poco::JSON::Object::Ptr))
            value.extract<Poco::JSON::Object::Ptr>()->stringify(out);
        else
            Poco::JSON::Stringifier::stringify(value, out, 0, -1, Poco::JSON_WRAP_STRINGS);
        json.raw(out.str());
    }
}

// The task's row state as auditedRowState() gives it, written as its "rows" member; false
// (nothing written) when the task's row does not exist.
bool rowState(JsonText& json, store::Database& db, const std::string& taskId) {
    const store::AuditedEntity& entity = *store::findAuditedEntity(kTaskEntity);
    const auto main = store::readStoredRows(db, entity.table, entity.idColumn + " = ?", taskId, "");
    if (main.empty()) return false;
    json.key(store::kRowStateKey).open().key(entity.table).row(main.front());
    const std::string owner = std::to_string(main.front().find("id")->integer);
    for (const auto& child : entity.children) {
        std::string where = child.ownerColumn + " = ?";
        if (!child.condition.empty()) where += " AND " + child.condition;
        json.key(child.table).openArray();
        for (const auto& row : store::readStoredRows(db, child.table, where, owner, child.keyOrder())) json.row(row);
        json.closeArray();
    }
    json.close();
    return true;
}

}  // namespace

void auditTask(store::Database& db, const Actor& actor, const std::string& action,
               const std::optional<store::TaskRecord>& before, const store::TaskRecord& after,
               const Poco::JSON::Object::Ptr& extra) {
    std::optional<std::string> beforeText;
    if (before) {
        JsonText json;
        taskJsonFields(json.open(), *before).close();
        beforeText = json.take();
    }
    JsonText json;
    taskJsonFields(json.open(), after);
    if (extra)  // in the object's own (sorted) key order, as auditTaskPlainly() adds them
        for (const auto& [key, value] : *extra) extraValue(json.key(key), value);
    const std::string taskId = std::to_string(after.id);
    rowState(json, db, taskId);
    json.close();
    store::appendAuditEvent(db, {actor.userId, actor.name, action, kTaskEntity, taskId, std::move(beforeText), json.take()});
}

void auditTaskPlainly(store::Database& db, const Actor& actor, const std::string& action,
                      const std::optional<store::TaskRecord>& before, const store::TaskRecord& after,
                      const Poco::JSON::Object::Ptr& extra) {
    auto afterObject = taskJson(after);
    if (extra)
        for (const auto& [key, value] : *extra) afterObject->set(key, value);
    recordChange(db, actor, action, kTaskEntity, std::to_string(after.id), before ? taskJson(*before) : nullptr,
                 afterObject);
}

}  // namespace patrol::services
