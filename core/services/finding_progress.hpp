// How rectification moves a finding along its lifecycle (spec/domain.md "Finding lifecycle"):
// fed_back when its round is fed back, rectifying once the unit files a measure, rectified when
// every task is accepted, closed when the round is closed. Each move is audited.
#pragma once

#include <cstdint>

#include "core/domain/finding_status.hpp"
#include "core/services/actor.hpp"

namespace patrol::store {
class Database;
}

namespace patrol::services {

// Applies the event to the finding and appends its audit event (inside the caller's transaction).
void moveFinding(store::Database& db, const Actor& actor, int64_t findingId, domain::FindingEvent event);

// After a task changed: a fed-back finding starts rectifying once a task is planned; a finding
// whose tasks are all accepted becomes rectified.
void syncFindingWithTasks(store::Database& db, const Actor& actor, int64_t findingId);

}  // namespace patrol::services
