#include "core/services/evidence_service.hpp"

#include <fstream>

#include "core/domain/errors.hpp"
#include "core/services/authorization.hpp"
#include "core/services/not_found.hpp"
#include "core/services/task_service.hpp"
#include "core/store/finding_repository.hpp"
#include "core/digest/sha256.hpp"

namespace patrol::services {

namespace {

bool canSeeEvidence(store::Database& db, const Actor& actor, const store::EvidenceRecord& evidence) {
    try {
        if (evidence.taskId) {
            requireVisibleTask(db, actor, *evidence.taskId);
            return true;
        }
    } catch (const NotFound&) {
        return false;
    }
    // Proof gathered for a finding (取证) is for inspection staff and leaders, never the unit.
    if (!evidence.findingId || actor.role == domain::Role::Unit) return false;
    const auto finding = store::findFindingById(db, *evidence.findingId);
    return finding && canSeeFinding(db, actor, *finding);
}

}  // namespace

EvidenceFile openEvidence(store::Database& db, const Actor& actor, int64_t evidenceId, const EvidenceStore& store) {
    const auto evidence = store::findEvidence(db, evidenceId);
    if (!evidence || !canSeeEvidence(db, actor, *evidence)) throw evidenceNotFound(evidenceId);
    const auto path = store.locate(evidence->sha256);
    if (!path) throw evidenceNotFound(evidenceId);
    return {*evidence, *path};
}

EvidenceFile saveEvidenceCopy(store::Database& db, const Actor& actor, int64_t evidenceId, const EvidenceStore& store,
                              const std::filesystem::path& target, Overwrite overwrite) {
    const auto file = openEvidence(db, actor, evidenceId, store);
    writeOutputFile(target, "目标文件", overwrite, [&](const std::filesystem::path& temporary) {
        {
            std::ifstream in(file.path, std::ios::binary);
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            out << in.rdbuf();
            out.flush();
            if (!in || !out)
                throw UserError("佐证材料 #" + std::to_string(evidenceId) + " 没能写到 " + target.string() +
                                "。请检查磁盘空间和目录权限后重试。");
        }
        if (digest::sha256OfFile(temporary.string()) != file.record.sha256)
            throw Conflict("佐证材料 #" + std::to_string(evidenceId) + "「" + file.record.originalName +
                               "」的存储文件与上传时登记的 SHA-256 不符，可能已损坏，没有取出。请用 patrol backup verify 检查备份，"
                               "或从备份中恢复该文件。");
    });
    return file;
}

}  // namespace patrol::services
