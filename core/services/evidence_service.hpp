// Reading stored evidence back: a file is shown only to those who may see the task it proves
// (or the finding it was gathered for); to anyone else it does not exist.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/services/actor.hpp"
#include "core/services/evidence_store.hpp"
#include "core/services/output_file.hpp"
#include "core/store/evidence_repository.hpp"

namespace patrol::services {

struct EvidenceFile {
    store::EvidenceRecord record;
    std::string path;  // where its bytes are on disk
};

// NotFound alike for a missing row, one the actor may not see, and bytes missing from the store.
EvidenceFile openEvidence(store::Database& db, const Actor& actor, int64_t evidenceId, const EvidenceStore& store);

// Copies the stored file (seen as openEvidence sees it) to `target`, completely or not at all;
// an existing target is refused unless `overwrite` allows. The copy's SHA-256 must be the one
// recorded at upload: a damaged store is refused, not handed out.
EvidenceFile saveEvidenceCopy(store::Database& db, const Actor& actor, int64_t evidenceId, const EvidenceStore& store,
                              const std::filesystem::path& target, Overwrite overwrite);

}  // namespace patrol::services
