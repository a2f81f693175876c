// Proof gathered for a finding (取证): photos and scans the inspection team keeps with the
// finding it found. They are for inspection staff only — admin, leaders and the round's
// inspectors; to a unit user they do not exist, even on its own finding once fed back.
// The bytes share the evidence store with the units' 佐证材料; a row with the finding and no
// task is an attachment.
#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <vector>

#include "core/services/actor.hpp"
#include "core/services/evidence_service.hpp"
#include "core/services/evidence_store.hpp"
#include "core/services/finding_service.hpp"
#include "core/store/evidence_repository.hpp"
#include "core/store/finding_repository.hpp"

namespace patrol::services {

// Admin or an inspector of the finding's round, at any status of the finding (proof may arrive
// after the decision). Each upload is stored while it is read, then every row and one audit
// event are written in one transaction; on any refusal or failure nothing is left: no rows, no
// event, no new files. Returns the new attachments, in the order given.
std::vector<store::EvidenceRecord> attachToFinding(store::Database& db, const Actor& actor, int64_t findingId,
                                                   const std::vector<EvidenceUpload>& uploads, const EvidenceStore& store);

// A manual finding (as addFinding) and its attachments in one transaction: the uploads are
// stored first, and a refused finding leaves neither row nor file behind.
store::FindingRecord addFindingWithAttachments(store::Database& db, const Actor& actor, const FindingInput& input,
                                               const std::vector<EvidenceUpload>& uploads, const EvidenceStore& store);

// The finding's attachments, oldest first: none for a unit user. The finding itself must be
// visible ("不存在" alike otherwise).
std::vector<store::EvidenceRecord> findingAttachments(store::Database& db, const Actor& actor, int64_t findingId);

// One attachment of the finding with where its bytes are. A number that is not an attachment of
// this finding, one a unit user asks for, and bytes missing from the store all read "不存在".
EvidenceFile openFindingAttachment(store::Database& db, const Actor& actor, int64_t findingId, int64_t attachmentId,
                                   const EvidenceStore& store);

// What `show` gives of a finding: its record view, plus "attachments" (evidence views, oldest
// first) for inspection staff; a unit user's view has no such key, as if there were none.
Poco::JSON::Object::Ptr findingDetailView(store::Database& db, const Actor& actor, const store::FindingRecord& finding);

}  // namespace patrol::services
