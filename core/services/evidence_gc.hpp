// The evidence folder's housekeeping: stored files no evidence row refers to (an upload whose
// transaction was refused or killed after its bytes were placed) and abandoned temporaries.
#pragma once

#include <chrono>
#include <vector>

#include "core/services/actor.hpp"
#include "core/services/evidence_store.hpp"
#include "core/services/evidence_sweep.hpp"

namespace patrol::store {
class Database;
}

namespace patrol::services {

struct EvidenceGarbage {
    std::vector<SweptFile> unreferenced;  // stored bytes no evidence row names
    std::vector<SweptFile> abandoned;     // temporaries of uploads whose process is gone
    size_t recentKept = 0;                // unreferenced but younger than the grace period: kept
};

// An upload places its bytes before its transaction commits, so an unreferenced file younger
// than this may be about to be referenced.
inline constexpr std::chrono::minutes kEvidenceGrace{60};

// Finds the garbage and, unless `dryRun`, removes it, with one audited event. Admin only.
EvidenceGarbage collectEvidenceGarbage(store::Database& db, const Actor& actor, const EvidenceStore& evidence, bool dryRun);

}  // namespace patrol::services
