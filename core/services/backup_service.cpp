#include "core/services/backup_service.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <set>

#include "core/domain/errors.hpp"
#include "core/services/authorization.hpp"
#include "core/services/evidence_location.hpp"
#include "core/services/evidence_store.hpp"
#include "core/services/file_copy.hpp"
#include "core/store/backup.hpp"
#include "core/store/clock.hpp"
#include "core/store/evidence_repository.hpp"
#include "core/digest/sha256.hpp"

namespace patrol::services {

namespace fs = std::filesystem;

namespace {

// A hidden folder next to where the result goes; removed unless it was renamed into place.
class Staging {
public:
    explicit Staging(const fs::path& target)
        : path_(target.parent_path() / ("." + target.filename().string() + ".partial-" + std::to_string(::getpid()))) {
        std::error_code ec;
        fs::remove_all(path_, ec);  // left by a process with this id that was killed
        fs::create_directory(path_, ec);
        if (ec) throw UserError("无法创建临时目录 " + path_.string() + "：" + ec.message() + "。请检查目录权限和磁盘空间。");
    }
    ~Staging() {
        std::error_code ec;
        if (!committed_) fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }
    void moveTo(const fs::path& target) {
        std::error_code ec;
        fs::rename(path_, target, ec);  // replaces an empty folder
        if (ec) throw UserError("无法把临时目录 " + path_.string() + " 改名为 " + target.string() + "：" + ec.message() + "。");
        committed_ = true;
    }

private:
    fs::path path_;
    bool committed_ = false;
};

fs::path lexicalTarget(const std::string& folder) {
    fs::path target = fs::absolute(fs::path(folder)).lexically_normal();
    if (!target.has_filename()) target = target.parent_path();  // "dir/" names dir
    return target;
}

void requireFreeTarget(const fs::path& target, const std::string& given) {
    std::error_code ec;
    if (!fs::is_directory(target.parent_path(), ec))
        throw UserError("备份目录 " + given + " 的上级目录 " + target.parent_path().string() +
                        " 不存在。请先创建它，或指定其他位置。");
    if (fs::exists(target, ec) && (!fs::is_directory(target, ec) || !fs::is_empty(target, ec)))
        throw UserError("备份目录 " + given + " 已存在且不是空目录：为免覆盖已有的文件，备份只写入新的或空的目录。请指定一个新目录。");
}

// Removes a file unless told it is kept.
struct TempFile {
    std::string path;
    bool keep = false;
    ~TempFile() {
        std::error_code ec;
        if (!keep) fs::remove(path, ec);
    }
};

std::string processTag() { return std::to_string(::getpid()); }

// The evidence files of the manifest, relative to its evidence folder.
std::vector<ManifestFile> evidenceFiles(const BackupManifest& m) {
    std::vector<ManifestFile> files;
    const std::string prefix = m.evidenceFolder + "/";
    for (const auto& f : m.files)
        if (f.path.rfind(prefix, 0) == 0) files.push_back({f.path.substr(prefix.size()), f.size, f.sha256});
    return files;
}

void copyChecked(const fs::path& from, const fs::path& to, const std::string& sha256) {
    fs::create_directories(to.parent_path());
    if (copyFileSynced(from.string(), to.string()).sha256 != sha256)
        throw UserError("复制时文件 " + from.string() + " 的内容与清单不符（复制过程中被改动？）。请重新核验备份后再恢复。");
}

// Puts the backup's evidence into `target`: a new folder appears whole; into an existing one
// (shared by several databases) only missing files are added, each renamed into place.
// Returns whether `target` was created. `placed` is called after each file, with the count of
// files gone through (the database counts as the first).
bool placeEvidence(const fs::path& backup, const BackupManifest& m, const fs::path& target,
                   const std::function<void(uint64_t)>& placed) {
    const auto files = evidenceFiles(m);
    std::error_code ec;
    if (!fs::exists(target, ec)) {
        Staging staging(target);
        for (size_t i = 0; i < files.size(); ++i) {
            const auto& f = files[i];
            copyChecked(backup / m.evidenceFolder / f.path, staging.path() / f.path, f.sha256);
            placed(i + 2);
        }
        staging.moveTo(target);
        return true;
    }
    std::vector<ManifestFile> missing;
    uint64_t present = 1;
    for (const auto& f : files) {
        const fs::path existing = target / f.path;
        if (!fs::exists(existing, ec)) {
            missing.push_back(f);
            continue;
        }
        if (digest::sha256OfFile(existing.string()) != f.sha256) {
            throw UserError("佐证材料目录 " + target.string() + " 中已有文件 " + f.path +
                            "，但其内容与备份中的不同（文件已损坏？）。恢复未进行；请检查该文件，或把数据库恢复到别的位置。");
        }
        placed(++present);  // already there and the same: nothing to copy
    }
    for (const auto& f : missing) {
        TempFile temp{(target / f.path).string() + ".restoring-" + processTag()};
        copyChecked(backup / m.evidenceFolder / f.path, temp.path, f.sha256);
        fs::rename(temp.path, target / f.path);
        temp.keep = true;
        placed(++present);
    }
    return false;
}

}  // namespace

BackupManifest backupDatabase(store::Database& db, const Actor& actor, const EvidenceStore& evidence,
                              const std::string& folder, int busyTimeoutMs, const ProgressSink* progress) {
    requireAdmin(actor, "备份数据库");
    const fs::path target = lexicalTarget(folder);
    requireFreeTarget(target, folder);
    Staging staging(target);

    BackupManifest m;
    m.createdAt = store::utcTimestampNow();
    m.createdBy = actor.name;
    m.source = fs::absolute(db.path()).lexically_normal().string();
    m.database = fs::path(db.path()).filename().string();
    m.evidenceFolder = fs::path(evidenceFolderOf(m.database)).string();
    const fs::path copyPath = staging.path() / m.database;
    if (progress && *progress)
        store::copyDatabase(db, copyPath.string(), busyTimeoutMs, [progress](int64_t done, int64_t total) {
            tell(progress, WorkPhase::Copying, static_cast<uint64_t>(done), static_cast<uint64_t>(total), WorkItems::Pages);
        });
    else
        store::copyDatabase(db, copyPath.string(), busyTimeoutMs);

    // The evidence the snapshot references, not what the live database references by now.
    std::vector<store::EvidenceRecord> rows;
    {
        auto copy = store::Database::openReadOnly(copyPath.string());
        m.schemaVersion = copy.schemaVersion();
        m.tableRows = store::tableRowCounts(copy);
        rows = store::listAllEvidence(copy);
    }
    m.evidenceRows = static_cast<int64_t>(rows.size());
    m.files.push_back({m.database, static_cast<int64_t>(fs::file_size(copyPath)), digest::sha256OfFile(copyPath.string()).value()});

    std::set<std::string> copied;
    for (const auto& row : rows) {
        if (!copied.insert(row.sha256).second) continue;
        // Each file is large next to a call; the count is of the evidence rows gone through.
        tell(progress, WorkPhase::Copying, copied.size() - 1, rows.size(), WorkItems::Files);
        const auto source = evidence.locate(row.sha256);
        if (!source)
            throw UserError(evidenceLabel(row) + "的文件不在佐证材料目录 " + evidence.folder() + " 中（应为 " +
                            evidenceRelativePath(row.sha256) + "）。备份未完成，没有写入任何文件；请找回该文件放回原处后重试。");
        const std::string relative = m.evidenceFolder + "/" + evidenceRelativePath(row.sha256);
        const fs::path to = staging.path() / relative;
        fs::create_directories(to.parent_path());
        const auto file = copyFileSynced(*source, to.string());
        if (file.sha256 != row.sha256)
            throw UserError(evidenceLabel(row) + "的文件 " + *source + " 的内容与登记的 SHA-256 不符（文件已损坏或被改动）。"
                            "备份未完成，没有写入任何文件；请找回原文件后重试。");
        m.files.push_back({relative, file.size, file.sha256});
    }
    m.evidenceFiles = static_cast<int64_t>(copied.size());
    writeFileSynced((staging.path() / kManifestName).string(), manifestText(m));
    staging.moveTo(target);
    return m;
}

RestoreResult restoreBackup(const std::string& folder, const std::string& databasePath,
                            const std::string& evidenceFolder, const std::string& actorName,
                            const ProgressSink* progress) {
    const auto check = verifyBackup(folder, progress);
    if (check.problem) throw UserError("备份 " + folder + " 未通过核验，不能用来恢复：" + *check.problem);
    const BackupManifest& m = check.manifest;
    const fs::path backup(folder);
    {
        auto copy = store::Database::openReadOnly((backup / m.database).string());
        requireAdmin(actorByName(copy, actorName), "从备份恢复数据库");
    }
    const fs::path dbTarget = fs::absolute(databasePath).lexically_normal();
    std::error_code ec;
    if (fs::exists(dbTarget, ec))
        throw UserError("数据库 " + databasePath + " 已存在：恢复不会覆盖已有的数据库。请指定一个还不存在的数据库文件，"
                        "或先把现有的数据库移到别处。");
    if (!fs::is_directory(dbTarget.parent_path(), ec))
        throw UserError("数据库 " + databasePath + " 所在的目录 " + dbTarget.parent_path().string() + " 不存在。请先创建它。");

    // The database, then each evidence file: a file is large next to a call of the sink.
    const uint64_t files = 1 + evidenceFiles(m).size();
    const auto placed = [progress, files](uint64_t done) { tell(progress, WorkPhase::Restoring, done, files, WorkItems::Files); };
    TempFile dbTemp{dbTarget.string() + ".restoring-" + processTag()};
    fs::remove(dbTemp.path, ec);
    placed(0);
    copyChecked(backup / m.database, dbTemp.path, databaseEntry(m).sha256);
    placed(1);
    const fs::path evidenceTarget = fs::absolute(evidenceFolder).lexically_normal();
    const bool createdEvidence = placeEvidence(backup, m, evidenceTarget, placed);
    // link() never replaces an existing file, so a database that appeared meanwhile is kept.
    if (::link(dbTemp.path.c_str(), dbTarget.c_str()) != 0) {
        const int error = errno;
        if (createdEvidence) fs::remove_all(evidenceTarget, ec);
        if (error == EEXIST)
            throw UserError("数据库 " + databasePath + " 在恢复过程中被创建了：恢复不会覆盖它。请指定一个还不存在的数据库文件。");
        throw UserError("无法创建数据库文件 " + databasePath + "：" + std::strerror(error) + "。");
    }
    return {dbTarget.string(), evidenceTarget.string(), m.evidenceFiles};
}

}  // namespace patrol::services
