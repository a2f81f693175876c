#include "core/services/escalation_event.hpp"

#include "core/services/task_audit.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/audited_rows.hpp"

namespace patrol::services {

std::string escalationEventText(const EscalationEventFields& f) {
    JsonText j;
    j.open()
        .field("status", f.status)
        .field("from", f.from)
        .field("level", f.level)
        .field("due", f.due)
        .field("as_of", f.asOf)
        .field("notice_id", f.noticeId)
        .field(store::kRowDigestKey, f.rowsDigest)
        .close();
    return j.take();
}

std::string escalationRunEventText(const EscalationRunFields& f) {
    JsonText j;
    j.open()
        .field("as_of", f.asOf)
        .field("count", f.count)
        .field("first_notice", f.firstNotice)
        .field("last_notice", f.lastNotice)
        .field("records_digest", f.recordsDigest)
        .close();
    return j.take();
}

std::vector<store::AuditEvent> recordedRiseEvents(store::Database& db, int64_t taskId) {
    std::vector<store::AuditEvent> events;
    for (const auto& rise : store::recordedRisesOfTask(db, taskId)) {
        const auto& r = rise.record;
        store::AuditEvent e;
        e.id = r.eventId;
        e.at = rise.at;
        e.content = {std::nullopt, rise.actor, kEscalateAction, kTaskEntity, std::to_string(taskId), std::nullopt,
                     escalationEventText({r.status, r.fromLevel, rise.level, r.dueDate, rise.asOf, r.noticeId, r.rowsDigest})};
        events.push_back(std::move(e));
    }
    return events;
}

void appendEscalationRun(store::Database& db, const Actor& actor, const std::string& asOf,
                         std::vector<store::EscalationRecord>& records) {
    if (records.empty()) return;  // a run that raised nothing leaves no trace
    store::EscalationRecordsDigest digest;
    for (const auto& r : records) digest.add(r);
    const std::string after = escalationRunEventText({asOf, static_cast<int64_t>(records.size()), records.front().noticeId,
                                                      records.back().noticeId, digest.hex()});
    const int64_t eventId = store::appendAuditEvent(
        db, {actor.userId, actor.name, store::kEscalationRunAction, store::kEscalationRunEntity, asOf, std::nullopt, after});
    for (auto& r : records) r.eventId = eventId;
    store::insertEscalationRecords(db, records);
}

}  // namespace patrol::services
