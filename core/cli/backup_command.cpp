// `patrol backup DIR | backup verify DIR | backup restore DIR`: a consistent copy of the
// database and its evidence with a manifest of SHA-256 sums, its check, and putting it back.
#include <ostream>

#include "core/cli/error_hints.hpp"
#include "core/cli/progress_line.hpp"
#include "core/cli/session.hpp"
#include "core/services/backup_service.hpp"
#include "core/services/evidence_location.hpp"
#include "core/services/evidence_store.hpp"

namespace patrol::cli {
namespace {

int64_t rowsOf(const services::BackupManifest& m, const std::string& table) {
    const auto found = m.tableRows.find(table);
    return found == m.tableRows.end() ? 0 : found->second;
}

int runBackup(Invocation& inv) {
    auto s = openSession(inv);
    const auto& settings = inv.app.settings();
    // Read from only: where the database's evidence is now, or where older versions kept it.
    const services::EvidenceStore evidence(services::evidenceFolder(settings), 0, services::legacyEvidenceFolder(settings));
    const std::string folder = inv.args.positional().at(0);
    ProgressLine progress(inv.err, showsProgress(inv));
    const auto m = services::backupDatabase(s.db, s.actor, evidence, folder, services::busyTimeoutMs(settings), progress.sink());
    progress.clear();
    const auto& db = services::databaseEntry(m);
    inv.out << "已备份数据库 " << s.db.path() << " 到 " << folder << "：\n"
            << "  数据库   " << m.database << "（结构版本 v" << m.schemaVersion << "，" << db.size << " 字节，审计事件 "
            << rowsOf(m, "audit_events") << " 条）\n"
            << "  佐证材料 " << m.evidenceFolder << "/ 共 " << m.evidenceFiles << " 个文件（佐证记录 " << m.evidenceRows
            << " 条）\n"
            << "  清单     " << services::kManifestName << "（每个文件的 SHA-256）\n"
            << "核验备份：patrol backup verify " << folder << "\n";
    return 0;
}

int runBackupVerify(Invocation& inv) {
    const std::string folder = inv.args.positional().at(0);
    ProgressLine progress(inv.err, showsProgress(inv));
    const auto check = services::verifyBackup(folder, progress.sink());
    progress.clear();
    if (check.problem) {
        inv.err << "备份 " << folder << " 核验失败：" << withNextStep(*check.problem, {"backup.made", ""}) << "\n这份备份不可信：请改用其他备份，或重新备份。\n";
        return 2;
    }
    const auto& m = check.manifest;
    inv.out << "备份 " << folder << " 完好：" << m.files.size() << " 个文件与清单一致；数据库 " << m.database
            << " 通过完整性检查，审计日志哈希链完整（" << check.auditEvents << " 条事件），数据与审计记录一致；" << m.evidenceRows
            << " 条佐证记录的文件齐全。\n"
            << "（" << m.createdAt << " 由 " << m.createdBy << " 备份自 " << m.source << "）\n";
    return 0;
}

int runBackupRestore(Invocation& inv) {
    const std::string folder = inv.args.positional().at(0);
    const auto& settings = inv.app.settings();
    ProgressLine progress(inv.err, showsProgress(inv));
    const auto restored = services::restoreBackup(folder, settings.databasePath(), services::evidenceFolder(settings),
                                                  inv.app.actorName(), progress.sink());
    progress.clear();
    inv.out << "已从备份 " << folder << " 恢复数据库 " << restored.databasePath << "，佐证材料 " << restored.evidenceFiles
            << " 个文件在 " << restored.evidenceFolder << "。\n"
            << "可用 patrol audit verify --db " << restored.databasePath << " 核验审计日志。\n";
    return 0;
}

const Registration backupRegistration{CommandSpec{
    {"backup"},
    "备份数据库及其佐证材料到一个新目录（附 SHA-256 清单；其他进程写入时也可备份；仅管理员）",
    {quietOption()},
    "DIR",
    1,
    1,
    "  patrol backup /mnt/backup/patrol-2026-06-30\n  patrol --db /srv/patrol/patrol.db backup ./备份\n"
    "  patrol backup verify /mnt/backup/patrol-2026-06-30      核验备份\n"
    "  patrol backup restore /mnt/backup/patrol-2026-06-30 --db /srv/patrol/恢复.db   从备份恢复\n",
    runBackup}};

const Registration backupVerifyRegistration{CommandSpec{
    {"backup", "verify"},
    "核验备份目录：文件与清单一致、数据库完整、审计日志哈希链完整、佐证材料齐全（有问题时退出码为 2）",
    {quietOption()},
    "DIR",
    1,
    1,
    "  patrol backup verify /mnt/backup/patrol-2026-06-30\n",
    runBackupVerify}};

const Registration backupRestoreRegistration{CommandSpec{
    {"backup", "restore"},
    "从备份恢复数据库和佐证材料到 --db 指定的新位置（先核验备份；不覆盖已有的数据库；仅管理员）",
    {quietOption()},
    "DIR",
    1,
    1,
    "  patrol backup restore /mnt/backup/patrol-2026-06-30 --db /srv/patrol/patrol.db\n",
    runBackupRestore}};

}  // namespace
}  // namespace patrol::cli
