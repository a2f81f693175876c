// Escalations recorded in bulk (schema v10): one chained audit event per escalation run, and per
// rise a compact record keyed by the notice it sent. The run's event names the as-of date, how
// many rises it made, its first and last notice and the digest over its records in notice order
// (EscalationRecordsDigest), so `audit verify` can tell a record changed, forged or removed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/digest/sha256.hpp"

namespace patrol::store {

class Database;

// The audit event's entity and action of an escalation run.
inline constexpr const char* kEscalationRunEntity = "escalation_run";
inline constexpr const char* kEscalationRunAction = "task.escalate_run";

struct EscalationRecord {
    int64_t noticeId = 0;
    int64_t eventId = 0;  // the run's audit event
    int64_t taskId = 0;
    std::string fromLevel;  // the level code before the rise
    std::string status;     // the task's status and due date when it rose
    std::string dueDate;
    std::string rowsDigest;  // rowStateDigest of the task's rows after the rise (hex)
};

// The digest over a run's records in notice id order that its audit event carries (hex).
class EscalationRecordsDigest {
public:
    void add(const EscalationRecord& record);
    std::string hex() { return sha_.hex(); }

private:
    digest::Sha256Stream sha_;
};

// Stores a run's records, whose eventId is already set; inside the run's transaction.
void insertEscalationRecords(Database& db, const std::vector<EscalationRecord>& records);

// Every stored record, in notice id order.
std::vector<EscalationRecord> readEscalationRecords(Database& db);

// One task's rises as its history shows them: the record with its run's event and notice.
struct RecordedRise {
    EscalationRecord record;
    std::string at;  // the run event's time
    std::string actor;
    std::string level;  // the notice's level, the one risen to
    std::string asOf;   // the notice's as-of date
};
std::vector<RecordedRise> recordedRisesOfTask(Database& db, int64_t taskId);

}  // namespace patrol::store
