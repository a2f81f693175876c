#include "core/store/evidence_repository.hpp"

#include "core/store/clock.hpp"
#include "core/store/database.hpp"

namespace patrol::store {

int64_t insertEvidence(Database& db, const EvidenceRecord& e) {
    db.prepare("INSERT INTO evidence (sha256, size, original_name, stored_path, task_id, progress_id, finding_id, "
               "uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?,?,?)")
        .bindAll(e.sha256, e.size, e.originalName, e.storedPath, e.taskId, e.progressId, e.findingId, e.uploadedBy,
                 e.uploadedAt.empty() ? utcTimestampNow() : e.uploadedAt)
        .run();
    return db.lastInsertId();
}

namespace {

constexpr const char* kEvidenceColumns =
    "SELECT id, sha256, size, original_name, stored_path, task_id, progress_id, finding_id, uploaded_by, uploaded_at "
    "FROM evidence ";

EvidenceRecord readEvidence(const Statement& st) {
    EvidenceRecord e;
    e.id = st.integer(0);
    e.sha256 = st.text(1);
    e.size = st.integer(2);
    e.originalName = st.text(3);
    e.storedPath = st.text(4);
    e.taskId = st.optionalInteger(5);
    e.progressId = st.optionalInteger(6);
    e.findingId = st.optionalInteger(7);
    e.uploadedBy = st.text(8);
    e.uploadedAt = st.text(9);
    return e;
}

}  // namespace

std::vector<EvidenceRecord> listTaskEvidence(Database& db, int64_t taskId) {
    return db.prepare(std::string(kEvidenceColumns) + "WHERE task_id = ? ORDER BY id").bindAll(taskId).collect(readEvidence);
}

std::vector<EvidenceRecord> listFindingAttachments(Database& db, int64_t findingId) {
    return db.prepare(std::string(kEvidenceColumns) + "WHERE finding_id = ? AND task_id IS NULL ORDER BY id")
        .bindAll(findingId)
        .collect(readEvidence);
}

std::optional<EvidenceRecord> findEvidence(Database& db, int64_t id) {
    auto rows = db.prepare(std::string(kEvidenceColumns) + "WHERE id = ?").bindAll(id).collect(readEvidence);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<EvidenceRecord> listAllEvidence(Database& db) {
    return db.prepare(std::string(kEvidenceColumns) + "ORDER BY id").collect(readEvidence);
}

bool evidenceBytesReferenced(Database& db, const std::string& sha256) {
    auto st = db.prepare("SELECT count(*) FROM evidence WHERE sha256 = ?");
    st.bindAll(sha256);
    st.step();
    return st.integer(0) > 0;
}

}  // namespace patrol::store
