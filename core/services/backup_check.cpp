// `verifyBackup`: a backup folder is checked file by file against its manifest, then as a
// patrol database; the first problem is named.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/digest/sha256.hpp"
#include "core/domain/errors.hpp"
#include "core/services/backup_service.hpp"
#include "core/services/evidence_store.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/audited_rows_check.hpp"
#include "core/store/backup.hpp"

namespace patrol::services {

namespace fs = std::filesystem;

namespace {

std::string manifestBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A manifest path must stay inside the backup folder.
bool insideFolder(const std::string& path) {
    const fs::path p(path);
    if (p.empty() || p.is_absolute()) return false;
    for (const auto& part : p)
        if (part == "..") return false;
    return true;
}

std::optional<std::string> fileProblem(const fs::path& folder, const ManifestFile& f) {
    if (!insideFolder(f.path)) return "清单中的路径 " + f.path + " 不在备份目录之内。";
    const fs::path file = folder / f.path;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return "清单中的文件 " + f.path + " 不存在。";
    const auto size = static_cast<int64_t>(fs::file_size(file, ec));
    const auto sha = digest::sha256OfFile(file.string());
    if (!sha) return "文件 " + f.path + " 无法读取。";
    if (size != f.size || *sha != f.sha256)
        return "文件 " + f.path + " 的 SHA-256 与清单不符（清单记录 " + f.sha256 + "，" + std::to_string(f.size) +
               " 字节；实际 " + *sha + "，" + std::to_string(size) + " 字节）：文件已被改动或损坏。";
    return std::nullopt;
}

std::optional<std::string> unlistedFile(const fs::path& folder, const BackupManifest& m) {
    std::set<std::string> listed{kManifestName};
    for (const auto& f : m.files) listed.insert(fs::path(f.path).lexically_normal().generic_string());
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (entry.is_directory()) continue;
        const std::string relative = fs::relative(entry.path(), folder).generic_string();
        if (!listed.count(relative)) return "备份目录中有清单未列出的文件 " + relative + "。";
    }
    return std::nullopt;
}

// Integrity, audit chain, audited rows, then row counts with evidence: each told when done.
constexpr uint64_t kBackupDatabaseChecks = 4;

// The database copy as a patrol database: integrity, audit chain, rows, evidence files.
std::optional<std::string> databaseProblem(const fs::path& folder, BackupCheck& check, const ProgressSink* progress) {
    const BackupManifest& m = check.manifest;
    const std::string name = m.database;
    const auto checked = [progress](uint64_t done) {
        tell(progress, WorkPhase::CheckingDatabase, done, kBackupDatabaseChecks, WorkItems::Checks);
    };
    try {
        checked(0);
        auto db = store::Database::openReadOnly((folder / name).string());
        if (const auto problem = store::integrityProblem(db))
            return "数据库 " + name + " 未通过完整性检查（PRAGMA integrity_check）：" + *problem;
        checked(1);
        const auto chain = store::verifyAuditChain(db);
        check.auditEvents = chain.eventsChecked;
        if (chain.firstBrokenId) return "数据库 " + name + " 的审计日志核验失败：" + chain.problem;
        checked(2);
        // A backup of edited data would restore the edit: its rows must match their audit events too.
        if (const auto rows = store::verifyAuditedRows(db); !rows.problems.empty())
            return "数据库 " + name + " 的数据与审计记录不符：" + rows.problems.front();
        checked(3);
        const auto rows = store::tableRowCounts(db);
        for (const auto& [table, count] : rows) {
            const auto listed = m.tableRows.find(table);
            const int64_t expected = listed == m.tableRows.end() ? 0 : listed->second;
            if (listed == m.tableRows.end() || count != expected)
                return "数据库 " + name + " 的表 " + table + " 有 " + std::to_string(count) + " 行，清单记录为 " +
                       (listed == m.tableRows.end() ? std::string("（未列出）") : std::to_string(expected) + " 行") + "。";
        }
        std::map<std::string, std::string> files;
        for (const auto& f : m.files) files[f.path] = f.sha256;
        for (const auto& e : store::listAllEvidence(db)) {
            const std::string path = m.evidenceFolder + "/" + evidenceRelativePath(e.sha256);
            const auto file = files.find(path);
            if (file == files.end() || file->second != e.sha256)
                return evidenceLabel(e) + "的文件 " + path + " 不在备份中。";
        }
        checked(kBackupDatabaseChecks);
    } catch (const std::exception& e) {
        return "数据库 " + name + " 无法读取：" + e.what();
    }
    return std::nullopt;
}

}  // namespace

BackupCheck verifyBackup(const std::string& folderText, const ProgressSink* progress) {
    BackupCheck check;
    const fs::path folder(folderText);
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw UserError("备份目录 " + folderText + " 不存在。请检查路径。");
    const fs::path manifest = folder / kManifestName;
    if (!fs::is_regular_file(manifest, ec)) {
        check.problem = std::string("缺少清单文件 ") + kManifestName + "：这不是备份时生成的目录，或清单已被删除。";
        return check;
    }
    try {
        check.manifest = parseManifest(manifestBytes(manifest));
        databaseEntry(check.manifest);
    } catch (const UserError& e) {
        check.problem = e.what();
        return check;
    }
    // Each file is hashed whole, which is large next to a call of the sink.
    const auto& files = check.manifest.files;
    for (size_t i = 0; i < files.size(); ++i) {
        tell(progress, WorkPhase::Verifying, i, files.size(), WorkItems::Files);
        if ((check.problem = fileProblem(folder, files[i]))) return check;
    }
    tell(progress, WorkPhase::Verifying, files.size(), files.size(), WorkItems::Files);
    if ((check.problem = unlistedFile(folder, check.manifest))) return check;
    check.problem = databaseProblem(folder, check, progress);
    return check;
}

}  // namespace patrol::services
