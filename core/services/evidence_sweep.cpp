#include "core/services/evidence_sweep.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>
#include <set>

namespace patrol::services {

namespace fs = std::filesystem;

namespace {

// The pid in ".incoming-<pid>-<n>", or 0 when the name is not one of ours.
pid_t ownerOf(const std::string& name) {
    static const std::string prefix = ".incoming-";
    if (name.rfind(prefix, 0) != 0) return 0;
    pid_t pid = 0;
    size_t at = prefix.size();
    for (; at < name.size() && name[at] >= '0' && name[at] <= '9'; ++at) pid = pid * 10 + (name[at] - '0');
    return at < name.size() && name[at] == '-' ? pid : 0;
}

bool abandoned(pid_t owner) {
    if (owner <= 0 || owner == ::getpid()) return false;
    return ::kill(owner, 0) != 0 && errno == ESRCH;  // EPERM: alive, someone else's
}

}  // namespace

std::vector<SweptFile> sweepAbandonedUploads(const fs::path& folder, bool dryRun) noexcept {
    std::vector<SweptFile> swept;
    try {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(folder, ec)) {
            if (!abandoned(ownerOf(entry.path().filename().string()))) continue;
            const auto bytes = entry.file_size(ec);
            if (!dryRun && !fs::remove(entry.path(), ec)) continue;
            swept.push_back({entry.path().string(), ec ? 0 : static_cast<int64_t>(bytes)});
        }
    } catch (...) {
        // A folder that cannot be listed keeps its leftovers; the upload itself goes on.
    }
    return swept;
}

void sweepOnce(const std::string& folder) noexcept {
    static std::mutex guard;
    static std::set<std::string> swept;
    try {
        const std::lock_guard lock(guard);
        if (!swept.insert(folder).second) return;
    } catch (...) {
        return;
    }
    sweepAbandonedUploads(folder);
}

}  // namespace patrol::services
