// Uploads are written to ".incoming-<pid>-<n>" in the evidence folder before their transaction:
// a process killed mid-upload, or a refused upload in a process that then died, leaves one
// behind. A temporary whose process no longer runs is abandoned and may go.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace patrol::services {

struct SweptFile {
    std::string path;
    int64_t bytes = 0;
};

// The abandoned temporaries directly in `folder`; removed unless `dryRun`. Never throws.
std::vector<SweptFile> sweepAbandonedUploads(const std::filesystem::path& folder, bool dryRun = false) noexcept;
// sweepAbandonedUploads(folder) the first time this process stores into `folder`.
void sweepOnce(const std::string& folder) noexcept;

}  // namespace patrol::services
