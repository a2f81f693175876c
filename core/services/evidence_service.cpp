#include "core/services/evidence_service.hpp"

#include "core/services/authorization.hpp"
#include "core/services/not_found.hpp"
#include "core/services/task_service.hpp"
#include "core/store/finding_repository.hpp"

namespace patrol::services {

namespace {

bool canSeeEvidence(store::Database& db, const Actor& actor, const store::EvidenceRecord& evidence) {
    try {
        if (evidence.taskId) {
            requireVisibleTask(db, actor, *evidence.taskId);
            return true;
        }
    } catch (const NotFound&) {
        return false;
    }
    // Proof gathered for a finding (取证) is for inspection staff and leaders, never the unit.
    if (!evidence.findingId || actor.role == domain::Role::Unit) return false;
    const auto finding = store::findFindingById(db, *evidence.findingId);
    return finding && canSeeFinding(db, actor, *finding);
}

}  // namespace

EvidenceFile openEvidence(store::Database& db, const Actor& actor, int64_t evidenceId, const EvidenceStore& store) {
    const auto evidence = store::findEvidence(db, evidenceId);
    if (!evidence || !canSeeEvidence(db, actor, *evidence)) throw evidenceNotFound(evidenceId);
    const auto path = store.locate(evidence->sha256);
    if (!path) throw evidenceNotFound(evidenceId);
    return {*evidence, *path};
}

}  // namespace patrol::services
