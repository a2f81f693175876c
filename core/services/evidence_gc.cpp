#include "core/services/evidence_gc.hpp"

#include <filesystem>

#include "core/services/audit_trail.hpp"
#include "core/services/authorization.hpp"
#include "core/services/record_json.hpp"
#include "core/store/evidence_repository.hpp"
#include "core/store/transaction.hpp"

namespace patrol::services {

namespace fs = std::filesystem;

namespace {

bool isLowerHex(const std::string& s, size_t length) {
    if (s.size() != length) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

int64_t total(const std::vector<SweptFile>& files) {
    int64_t bytes = 0;
    for (const auto& f : files) bytes += f.bytes;
    return bytes;
}

}  // namespace

EvidenceGarbage collectEvidenceGarbage(store::Database& db, const Actor& actor, const EvidenceStore& evidence, bool dryRun) {
    requireAdmin(actor, "清理佐证材料目录");
    // Holding the write lock: no evidence row is added or removed while files are weighed.
    store::Transaction tx(db);
    EvidenceGarbage garbage;
    const auto oldest = fs::file_time_type::clock::now() - kEvidenceGrace;
    std::error_code ec;
    for (const auto& shard : fs::directory_iterator(evidence.folder(), ec)) {
        const std::string prefix = shard.path().filename().string();
        if (!isLowerHex(prefix, 2) || !shard.is_directory(ec)) continue;
        for (const auto& file : fs::directory_iterator(shard.path(), ec)) {
            const std::string sha256 = file.path().filename().string();
            if (!isLowerHex(sha256, 64) || sha256.compare(0, 2, prefix) != 0 || !file.is_regular_file(ec)) continue;
            if (store::evidenceBytesReferenced(db, sha256)) continue;
            if (file.last_write_time(ec) > oldest) {
                ++garbage.recentKept;
                continue;
            }
            const auto bytes = static_cast<int64_t>(file.file_size(ec));
            if (!dryRun && !fs::remove(file.path(), ec)) continue;
            garbage.unreferenced.push_back({file.path().string(), bytes});
        }
        if (!dryRun) fs::remove(shard.path(), ec);  // only when it is empty now
    }
    garbage.abandoned = sweepAbandonedUploads(evidence.folder(), dryRun);
    if (dryRun || (garbage.unreferenced.empty() && garbage.abandoned.empty())) return garbage;
    auto after = jsonObject();
    after->set("removed_files", static_cast<int64_t>(garbage.unreferenced.size()));
    after->set("removed_bytes", total(garbage.unreferenced));
    after->set("abandoned_uploads", static_cast<int64_t>(garbage.abandoned.size()));
    after->set("abandoned_bytes", total(garbage.abandoned));
    recordChange(db, actor, "evidence.gc", "evidence_folder", evidence.folder(), nullptr, after);
    tx.commit();
    return garbage;
}

}  // namespace patrol::services
