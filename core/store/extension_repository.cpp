#include "core/store/extension_repository.hpp"

#include "core/store/clock.hpp"
#include "core/store/database.hpp"

namespace patrol::store {

namespace {

constexpr const char* kExtensionSelect =
    "SELECT id, task_id, previous_due, requested_due, reason, status, requested_by, requested_at, decided_by, "
    "decided_at, requested_on, decided_on, decision_reason FROM extension_requests ";

ExtensionRecord readExtension(const Statement& st) {
    ExtensionRecord e;
    e.id = st.integer(0);
    e.taskId = st.integer(1);
    e.previousDue = st.text(2);
    e.requestedDue = st.text(3);
    e.reason = st.text(4);
    e.status = st.text(5);
    e.requestedBy = st.text(6);
    e.requestedAt = st.text(7);
    e.decidedBy = st.optionalText(8);
    e.decidedAt = st.optionalText(9);
    e.requestedOn = st.optionalText(10);
    e.decidedOn = st.optionalText(11);
    e.decisionReason = st.optionalText(12);
    return e;
}

}  // namespace

int64_t insertExtension(Database& db, const ExtensionRecord& e) {
    db.prepare("INSERT INTO extension_requests (task_id, previous_due, requested_due, reason, status, requested_by, "
               "requested_at, requested_on) VALUES (?,?,?,?,?,?,?,?)")
        .bindAll(e.taskId, e.previousDue, e.requestedDue, e.reason, e.status, e.requestedBy, utcTimestampNow(),
                 e.requestedOn)
        .run();
    return db.lastInsertId();
}

std::optional<ExtensionRecord> findExtensionById(Database& db, int64_t id) {
    return db.prepare(std::string(kExtensionSelect) + "WHERE id = ?").bindAll(id).first(readExtension);
}

std::vector<ExtensionRecord> listExtensions(Database& db, int64_t taskId) {
    return db.prepare(std::string(kExtensionSelect) + "WHERE task_id = ? ORDER BY id").bindAll(taskId).collect(readExtension);
}

std::vector<ExtensionRecord> listPendingExtensions(Database& db) {
    return db.prepare(std::string(kExtensionSelect) + "WHERE status = 'pending' ORDER BY id").collect(readExtension);
}

void setExtensionDecision(Database& db, int64_t id, const std::string& status, const std::string& decidedBy,
                          const std::string& decidedOn, const std::optional<std::string>& reason) {
    db.prepare("UPDATE extension_requests SET status = ?, decided_by = ?, decided_at = ?, decided_on = ?, "
               "decision_reason = ? WHERE id = ?")
        .bindAll(status, decidedBy, utcTimestampNow(), decidedOn, reason, id)
        .run();
}

}  // namespace patrol::store
