// Metadata of evidence files (佐证材料); the bytes live content-addressed in the evidence folder.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patrol::store {

class Database;

struct EvidenceRecord {
    int64_t id = 0;
    std::string sha256;        // hex, lower case
    int64_t size = 0;
    std::string originalName;  // metadata only, never a path
    std::string storedPath;    // derived from sha256 only: <2 hex>/<64 hex> in the evidence folder (older rows:
                               // evidence/<2 hex>/<64 hex> under data.folder)
    std::optional<int64_t> taskId;
    std::optional<int64_t> progressId;
    std::optional<int64_t> findingId;
    std::string uploadedBy;
    std::string uploadedAt;
};

int64_t insertEvidence(Database& db, const EvidenceRecord& evidence);
// Oldest first.
std::vector<EvidenceRecord> listTaskEvidence(Database& db, int64_t taskId);
// A finding's own proof (取证): rows with the finding and no task, oldest first.
std::vector<EvidenceRecord> listFindingAttachments(Database& db, int64_t findingId);
std::optional<EvidenceRecord> findEvidence(Database& db, int64_t id);
// Every evidence row of the database, oldest first (for backups).
std::vector<EvidenceRecord> listAllEvidence(Database& db);
// Whether any evidence row refers to the bytes with this SHA-256.
bool evidenceBytesReferenced(Database& db, const std::string& sha256);

}  // namespace patrol::store
