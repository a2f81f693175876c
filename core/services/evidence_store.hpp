// Evidence files (佐证材料) stored content-addressed in the evidence folder of their database:
// the stored path is derived from the SHA-256 of the bytes only; the name the user gave is kept
// as metadata.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/store/evidence_repository.hpp"

namespace patrol::services {

// One piece of evidence as it arrives from a front door: a name and a stream of bytes (a local
// file, the body of an upload). The stream is read once, to its end, and never trusted for size.
struct EvidenceUpload {
    std::string originalName;              // as the sender named it; cleaned before it is kept
    std::istream* content = nullptr;
    std::optional<uint64_t> declaredSize;  // when announced (file size, Content-Length): checked before reading
    std::string label;                     // how refusals name it (e.g. the path typed); the cleaned name when empty
};

struct StoredEvidence {
    std::string sha256;        // lower-case hex
    int64_t size = 0;
    std::string originalName;  // cleaned for display, never used as a path
    std::string storedPath;    // relative to the evidence folder: <2 hex>/<64 hex>
    bool created = false;      // these bytes were not stored before this upload
};

class EvidenceStore {
public:
    // `legacyFolder`: where evidence was kept before it moved next to its database
    // (<data.folder>/evidence); still read from, never written to.
    EvidenceStore(std::string folder, int64_t maxBytes, std::string legacyFolder = {});

    // Refuses, without reading, an upload whose announced size is 0 or over the limit.
    void checkDeclared(const EvidenceUpload& upload) const;
    // Copies the stream into a temporary file in the evidence folder, hashing and counting while
    // reading, and stops as soon as the limit is passed; only a stream that ended cleanly (with
    // the announced size, if any) is renamed into its place. The same bytes twice keep one copy.
    StoredEvidence store(const EvidenceUpload& upload) const;
    // After a failed transaction: removes the bytes these uploads put in place that no evidence
    // row refers to. Never throws.
    void discardUnreferenced(store::Database& db, const std::vector<StoredEvidence>& stored) const noexcept;

    std::string absolutePath(const StoredEvidence& evidence) const;
    // Where the bytes with this SHA-256 are: the evidence folder, else the legacy folder.
    std::optional<std::string> locate(const std::string& sha256) const;
    const std::string& folder() const { return folder_; }

private:
    StoredEvidence commit(const std::string& tempPath, const std::string& sha256, int64_t size,
                          std::string_view originalName) const;
    std::string labelOf(const EvidenceUpload& upload) const;
    std::string folder_;
    int64_t maxBytes_;
    std::string legacyFolder_;
};

// The name to keep as metadata: the part after the last '/', control characters replaced by "_",
// at most 255 bytes (cut on a UTF-8 boundary); "unnamed" when nothing is left.
std::string evidenceOriginalName(std::string_view given);

// How messages name an evidence row: 佐证材料 #3「收据.pdf」（整改任务 #2）.
std::string evidenceLabel(const store::EvidenceRecord& evidence);

// The stored path of the bytes with this SHA-256, relative to an evidence folder.
std::string evidenceRelativePath(const std::string& sha256);

}  // namespace patrol::services
