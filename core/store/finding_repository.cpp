#include "core/store/finding_repository.hpp"

#include "core/store/clock.hpp"
#include "core/store/conditions.hpp"
#include "core/store/database.hpp"

namespace patrol::store {

namespace {

constexpr const char* kFindingSelect =
    "SELECT f.id, f.round_id, r.code, f.unit_id, u.code, u.name, f.category, f.title, f.detail, f.severity, "
    "f.amount_fen, f.people_count, f.people_level, f.source, f.refs, f.fingerprint, f.status, f.dismissed_reason, "
    "f.transferred, f.repeat_of, f.rectification_kind, f.created_by, f.created_at "
    "FROM findings f JOIN rounds r ON r.id = f.round_id JOIN units u ON u.id = f.unit_id ";

FindingRecord readFinding(const Statement& st) {
    FindingRecord f;
    f.id = st.integer(0);
    f.roundId = st.integer(1);
    f.roundCode = st.text(2);
    f.unitId = st.integer(3);
    f.unitCode = st.text(4);
    f.unitName = st.text(5);
    f.category = st.text(6);
    f.title = st.text(7);
    f.detail = st.text(8);
    f.severity = st.text(9);
    f.amountFen = st.optionalInteger(10);
    f.peopleCount = st.optionalInteger(11);
    f.peopleLevel = st.optionalText(12);
    f.source = st.text(13);
    f.refs = st.text(14);
    f.fingerprint = st.optionalText(15);
    f.status = st.text(16);
    f.dismissedReason = st.optionalText(17);
    f.transferred = st.integer(18) != 0;
    f.repeatOf = st.optionalInteger(19);
    f.rectificationKind = st.optionalText(20);
    f.createdBy = st.text(21);
    f.createdAt = st.text(22);
    return f;
}

}  // namespace

int64_t insertFinding(Database& db, const NewFinding& f) {
    db.prepare("INSERT INTO findings (round_id, unit_id, category, title, detail, severity, amount_fen, people_count, "
               "people_level, source, refs, fingerprint, status, rectification_kind, created_by, created_at) "
               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bindAll(f.roundId, f.unitId, f.category, f.title, f.detail, f.severity, f.amountFen, f.peopleCount,
                 f.peopleLevel, f.source, f.refs, f.fingerprint, f.status, f.rectificationKind, f.createdBy,
                 utcTimestampNow())
        .run();
    return db.lastInsertId();
}

std::optional<FindingRecord> findFindingById(Database& db, int64_t id) {
    return db.prepare(std::string(kFindingSelect) + "WHERE f.id = ?").bindAll(id).first(readFinding);
}

std::optional<FindingRecord> findFindingByFingerprint(Database& db, int64_t roundId, const std::string& fingerprint) {
    return db.prepare(std::string(kFindingSelect) + "WHERE f.round_id = ? AND f.fingerprint = ?")
        .bindAll(roundId, fingerprint)
        .first(readFinding);
}

std::vector<FindingRecord> listFindings(Database& db, const FindingQuery& q) {
    const auto conditions = Conditions()
                                .when(q.roundId, "f.round_id = ?")
                                .when(q.unitId, "f.unit_id = ?")
                                .when(q.status, "f.status = ?")
                                .in("f.status", q.statusIn);
    // Counted first so the list is allocated once: growing it would move every record of a
    // 50,000-finding ledger about twice more and touch twice its memory (the count is a hint
    // only). Every finding has its round and unit (foreign keys), so the count needs no join.
    std::vector<FindingRecord> findings;
    findings.reserve(static_cast<size_t>(
        conditions.prepare(db, "SELECT count(*) FROM findings f ", "").first([](const Statement& st) {
            return st.integer(0);
        }).value_or(0)));
    auto st = conditions.prepare(db, kFindingSelect, "ORDER BY f.id");
    while (st.step()) findings.push_back(readFinding(st));
    return findings;
}

void setFindingStatus(Database& db, int64_t id, const std::string& status) {
    db.prepare("UPDATE findings SET status = ? WHERE id = ?").bindAll(status, id).run();
}

void setFindingDismissed(Database& db, int64_t id, const std::string& reason) {
    db.prepare("UPDATE findings SET status = 'dismissed', dismissed_reason = ? WHERE id = ?").bindAll(reason, id).run();
}

void updateFindingContent(Database& db, const FindingRecord& f) {
    db.prepare("UPDATE findings SET category = ?, title = ?, detail = ?, severity = ?, amount_fen = ?, people_count = ?, "
               "people_level = ?, rectification_kind = ?, repeat_of = ? WHERE id = ?")
        .bindAll(f.category, f.title, f.detail, f.severity, f.amountFen, f.peopleCount, f.peopleLevel,
                 f.rectificationKind, f.repeatOf, f.id)
        .run();
}

}  // namespace patrol::store
