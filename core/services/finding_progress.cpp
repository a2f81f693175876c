#include "core/services/finding_progress.hpp"

#include "core/domain/errors.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/record_json.hpp"
#include "core/store/finding_repository.hpp"
#include "core/store/task_repository.hpp"

namespace patrol::services {

using domain::FindingEvent;
using domain::FindingStatus;

void moveFinding(store::Database& db, const Actor& actor, int64_t findingId, FindingEvent event) {
    const auto finding = store::findFindingById(db, findingId);
    if (!finding) throw InternalError("finding " + std::to_string(findingId) + " vanished");
    const FindingStatus from = domain::findingStatuses.parse(finding->status);
    const FindingStatus to = domain::applyFindingEvent(from, event);
    store::setFindingStatus(db, findingId, std::string(domain::findingStatuses.code(to)));
    recordChange(db, actor, "finding." + std::string(domain::findingEvents.code(event)), "finding",
                 std::to_string(findingId), findingJson(*finding), findingJson(*store::findFindingById(db, findingId)));
}

void syncFindingWithTasks(store::Database& db, const Actor& actor, int64_t findingId) {
    const auto finding = store::findFindingById(db, findingId);
    if (!finding) return;
    store::TaskQuery query;
    query.findingId = findingId;
    const auto tasks = store::listTasks(db, query);
    if (tasks.empty()) return;
    bool anyStarted = false, allAccepted = true;
    for (const auto& t : tasks) {
        anyStarted = anyStarted || t.status != "assigned";
        allAccepted = allAccepted && t.status == "accepted";
    }
    FindingStatus status = domain::findingStatuses.parse(finding->status);
    if (status == FindingStatus::FedBack && anyStarted) {
        moveFinding(db, actor, findingId, FindingEvent::StartRectifying);
        status = FindingStatus::Rectifying;
    }
    if (status == FindingStatus::Rectifying && allAccepted) moveFinding(db, actor, findingId, FindingEvent::MarkRectified);
}

}  // namespace patrol::services
