#include "core/services/finding_attachments.hpp"

#include <patrol/sdk/civil.hpp>

#include "core/services/check_recording.hpp"

#include <Poco/JSON/Array.h>

#include "core/domain/errors.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/authorization.hpp"
#include "core/services/finding_service.hpp"
#include "core/services/not_found.hpp"
#include "core/services/record_json.hpp"
#include "core/services/record_views.hpp"
#include "core/store/round_repository.hpp"
#include "core/store/transaction.hpp"

namespace patrol::services {

namespace {

constexpr const char* kAttaching = "添加取证材料";

bool isStaff(const Actor& actor) { return actor.role != domain::Role::Unit; }

// The finding as the actor may change it: visible, and the actor writes in its round.
store::FindingRecord requireAttachable(store::Database& db, const Actor& actor, int64_t findingId) {
    auto finding = showFinding(db, actor, findingId);
    requireRoundAccess(db, actor, *store::findRoundById(db, finding.roundId), Access::Write, kAttaching);
    return finding;
}

std::vector<store::EvidenceRecord> recordAttachments(store::Database& db, const Actor& actor, int64_t findingId,
                                                     const std::vector<StoredEvidence>& stored) {
    store::Transaction tx(db);
    const auto finding = requireAttachable(db, actor, findingId);
    std::vector<store::EvidenceRecord> added;
    Poco::JSON::Array::Ptr files = new Poco::JSON::Array;
    for (const auto& e : stored) {
        store::EvidenceRecord record;
        record.sha256 = e.sha256;
        record.size = e.size;
        record.originalName = e.originalName;
        record.storedPath = e.storedPath;
        record.findingId = findingId;
        record.uploadedBy = actor.name;
        record.id = store::insertEvidence(db, record);
        added.push_back(*store::findEvidence(db, record.id));
        auto f = jsonObject();
        f->set("id", record.id);
        f->set("name", e.originalName);
        f->set("sha256", e.sha256);
        f->set("size", e.size);
        files->add(f);
    }
    auto after = findingJson(finding);
    after->set("attachments", files);
    recordChange(db, actor, "finding.attach", "finding", std::to_string(findingId), findingJson(finding), after);
    tx.commit();
    return added;
}

}  // namespace

std::vector<store::EvidenceRecord> attachToFinding(store::Database& db, const Actor& actor, int64_t findingId,
                                                   const std::vector<EvidenceUpload>& uploads, const EvidenceStore& store) {
    // Refuse before reading any upload: the finding, the actor's right, every announced size.
    requireAttachable(db, actor, findingId);
    if (uploads.empty())
        throw InvalidInput("file", "取证材料", "不能为空：请至少选择一个文件（照片、扫描件等）。");
    for (const auto& upload : uploads) store.checkDeclared(upload);
    // Uploads are read outside the transaction so that a slow sender does not hold the database.
    std::vector<StoredEvidence> stored;
    try {
        for (const auto& upload : uploads) stored.push_back(store.store(upload));
        return recordAttachments(db, actor, findingId, stored);
    } catch (...) {
        store.discardUnreferenced(db, stored);
        throw;
    }
}

store::FindingRecord addFindingWithAttachments(store::Database& db, const Actor& actor, const FindingInput& input,
                                               const std::vector<EvidenceUpload>& uploads, const EvidenceStore& store) {
    for (const auto& upload : uploads) store.checkDeclared(upload);
    std::vector<StoredEvidence> stored;
    try {
        for (const auto& upload : uploads) stored.push_back(store.store(upload));
        store::Transaction tx(db);
        const auto finding = addFinding(db, actor, input);
        if (!stored.empty()) recordAttachments(db, actor, finding.id, stored);
        tx.commit();
        return finding;
    } catch (...) {
        store.discardUnreferenced(db, stored);
        throw;
    }
}

std::vector<store::EvidenceRecord> findingAttachments(store::Database& db, const Actor& actor, int64_t findingId) {
    showFinding(db, actor, findingId);
    if (!isStaff(actor)) return {};
    return store::listFindingAttachments(db, findingId);
}

Poco::JSON::Object::Ptr findingDetailView(store::Database& db, const Actor& actor, const store::FindingRecord& finding) {
    auto view = findingView(finding, seesTransfers(actor));
    if (!isStaff(actor)) return view;
    // Who recorded it, when and from which run, for a finding a check recorded in bulk.
    if (const auto recording = checkRecordingOf(db, finding.id)) {
        auto run = jsonObject();
        run->set("audit_event", recording->eventId);
        run->set("actor", recording->actor);
        run->set("at", recording->at);
        Poco::JSON::Array::Ptr plugins = new Poco::JSON::Array;
        for (const auto& p : recording->run.plugins) {
            auto o = jsonObject();
            o->set("plugin", p.id);
            o->set("data_digest", p.dataDigest);
            plugins->add(o);
        }
        run->set("plugins", plugins);
        run->set("as_of", recording->run.asOf ? Poco::Dynamic::Var(civil::formatDate(*recording->run.asOf)) : Poco::Dynamic::Var());
        view->set("recorded_by_run", run);
    }
    Poco::JSON::Array::Ptr attachments = new Poco::JSON::Array;
    for (const auto& e : store::listFindingAttachments(db, finding.id)) attachments->add(evidenceView(e));
    view->set("attachments", attachments);
    return view;
}

EvidenceFile openFindingAttachment(store::Database& db, const Actor& actor, int64_t findingId, int64_t attachmentId,
                                   const EvidenceStore& store) {
    showFinding(db, actor, findingId);
    const auto evidence = store::findEvidence(db, attachmentId);
    if (!isStaff(actor) || !evidence || evidence->taskId || evidence->findingId != findingId)
        throw attachmentNotFound(attachmentId);
    const auto path = store.locate(evidence->sha256);
    if (!path) throw attachmentNotFound(attachmentId);
    return {*evidence, *path};
}

}  // namespace patrol::services
