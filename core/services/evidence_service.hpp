// Reading stored evidence back: a file is shown only to those who may see the task it proves
// (or the finding it was gathered for); to anyone else it does not exist.
#pragma once

#include <cstdint>
#include <string>

#include "core/services/actor.hpp"
#include "core/services/evidence_store.hpp"
#include "core/store/evidence_repository.hpp"

namespace patrol::services {

struct EvidenceFile {
    store::EvidenceRecord record;
    std::string path;  // where its bytes are on disk
};

// NotFound alike for a missing row, one the actor may not see, and bytes missing from the store.
EvidenceFile openEvidence(store::Database& db, const Actor& actor, int64_t evidenceId, const EvidenceStore& store);

}  // namespace patrol::services
