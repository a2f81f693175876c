// Evidence files (佐证材料) stored content-addressed in the evidence folder of their database:
// the stored path is derived from the SHA-256 of the bytes only; the name the user gave is kept
// as metadata.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/store/evidence_repository.hpp"

namespace patrol::services {

struct StoredEvidence {
    std::string sha256;        // lower-case hex
    int64_t size = 0;
    std::string originalName;  // cleaned for display, never used as a path
    std::string storedPath;    // relative to the evidence folder: <2 hex>/<64 hex>
};

class EvidenceStore {
public:
    // `legacyFolder`: where evidence was kept before it moved next to its database
    // (<data.folder>/evidence); still read from, never written to.
    EvidenceStore(std::string folder, int64_t maxBytes, std::string legacyFolder = {});

    // Checks that the file can be stored (exists, regular, not empty, within the limit)
    // without writing.
    void check(const std::string& sourcePath) const;
    // Copies a local file in. Storing the same bytes twice keeps one copy.
    StoredEvidence storeFile(const std::string& sourcePath) const;
    // Stores bytes received from elsewhere (an upload) under the given original name.
    StoredEvidence storeBytes(std::string_view bytes, std::string_view originalName) const;

    std::string absolutePath(const StoredEvidence& evidence) const;
    // Where the bytes with this SHA-256 are: the evidence folder, else the legacy folder.
    std::optional<std::string> locate(const std::string& sha256) const;
    const std::string& folder() const { return folder_; }

private:
    StoredEvidence commit(const std::string& tempPath, const std::string& sha256, int64_t size,
                          std::string_view originalName) const;
    std::string folder_;
    int64_t maxBytes_;
    std::string legacyFolder_;
};

// The name to keep as metadata: the last path component, control characters replaced by "_",
// at most 255 bytes (cut on a UTF-8 boundary); "unnamed" when nothing is left.
std::string evidenceOriginalName(std::string_view given);

// How messages name an evidence row: 佐证材料 #3「收据.pdf」（整改任务 #2）.
std::string evidenceLabel(const store::EvidenceRecord& evidence);

// The stored path of the bytes with this SHA-256, relative to an evidence folder.
std::string evidenceRelativePath(const std::string& sha256);

}  // namespace patrol::services
