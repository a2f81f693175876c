// The audit of 三色预警. Since schema v10 a run writes one chained event (escalationRunEventText)
// and per rise a compact record (store/escalation_record.hpp); databases written before hold one
// event per rise, whose `after` is escalationEventText: what the task's history shows (status,
// the level from and to, the due date, the as-of date, the notice) and the SHA-256 of the task's
// row state (store::kRowDigestKey). A task's history still shows each rise in that form, rebuilt
// from its record.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/services/actor.hpp"
#include "core/services/json_text.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/escalation_record.hpp"
#include "core/store/task_repository.hpp"

namespace patrol::services {

// The action of a rise as a task's history names it (and as older databases stored it).
inline constexpr const char* kEscalateAction = "task.escalate";

struct EscalationEventFields {
    const std::string& status;  // the task's, after the rise
    std::string from;           // the level code before it
    const std::string& level;   // the level code after it
    const std::string& due;
    std::string asOf;           // YYYY-MM-DD
    int64_t noticeId = 0;
    std::string rowsDigest;     // store::rowStateDigest of the task's rows after the rise
};

// One rise's `after` as text.
std::string escalationEventText(const EscalationEventFields& fields);

struct EscalationRunFields {
    std::string asOf;  // YYYY-MM-DD
    int64_t count = 0;
    int64_t firstNotice = 0;
    int64_t lastNotice = 0;
    std::string recordsDigest;  // store::EscalationRecordsDigest over the run's records
};

// The run event's `after` as text.
std::string escalationRunEventText(const EscalationRunFields& fields);

// Appends the run's event for `records` (its rises, in notice order, made on `asOf`), then stores
// the records under it; inside the run's transaction, after its notices. Shared by escalate() and
// its reference, so both write the same audit. No records: nothing is written.
void appendEscalationRun(store::Database& db, const Actor& actor, const std::string& asOf,
                         std::vector<store::EscalationRecord>& records);

// A task's rises recorded by runs, each as the event its history lists: the run's id, time and
// actor, action kEscalateAction and escalationEventText as `after`.
std::vector<store::AuditEvent> recordedRiseEvents(store::Database& db, int64_t taskId);

}  // namespace patrol::services
