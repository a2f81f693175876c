// Evidence files (佐证材料) stored content-addressed under the data folder: the stored path is
// derived from the SHA-256 of the bytes only; the name the user gave is kept as metadata.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace patrol::services {

struct StoredEvidence {
    std::string sha256;        // lower-case hex
    int64_t size = 0;
    std::string originalName;  // cleaned for display, never used as a path
    std::string storedPath;    // relative to the data folder: evidence/<2 hex>/<64 hex>
};

class EvidenceStore {
public:
    EvidenceStore(std::string dataFolder, int64_t maxBytes);

    // Checks that the file can be stored (exists, regular, within the limit) without writing.
    void check(const std::string& sourcePath) const;
    // Copies a local file in. Storing the same bytes twice keeps one copy.
    StoredEvidence storeFile(const std::string& sourcePath) const;
    // Stores bytes received from elsewhere (an upload) under the given original name.
    StoredEvidence storeBytes(std::string_view bytes, std::string_view originalName) const;

    std::string absolutePath(const StoredEvidence& evidence) const;

private:
    StoredEvidence commit(const std::string& tempPath, const std::string& sha256, int64_t size,
                          std::string_view originalName) const;
    std::string dataFolder_;
    int64_t maxBytes_;
};

// The name to keep as metadata: the last path component, control characters replaced by "_",
// at most 255 bytes (cut on a UTF-8 boundary); "unnamed" when nothing is left.
std::string evidenceOriginalName(std::string_view given);

}  // namespace patrol::services
