// The audit event of one task's rise in 三色预警. A county's mass escalation writes one per task,
// so it is compact: what the task's history shows (status, the level from and to, the due date,
// the as-of date, the notice) and, instead of the task's rows themselves, the SHA-256 of their
// row state (store::kRowDigestKey), which `audit verify` recomputes from the tables.
#pragma once

#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "core/services/json_text.hpp"
#include "core/store/task_repository.hpp"

namespace patrol::services {

inline constexpr const char* kEscalateAction = "task.escalate";

struct EscalationEventFields {
    const store::TaskRecord& task;  // after the rise
    std::string from;               // the level code before it
    std::string asOf;               // YYYY-MM-DD
    int64_t noticeId = 0;
    std::string rowsDigest;         // store::rowStateDigest of the task's rows after the rise
};

// The event's "after" as an object (the one-task-at-a-time path) ...
Poco::JSON::Object::Ptr escalationEventJson(const EscalationEventFields& fields);
// ... and the same bytes written as text (the mass path).
std::string escalationEventText(const EscalationEventFields& fields);

}  // namespace patrol::services
