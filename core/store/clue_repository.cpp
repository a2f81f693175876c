#include "core/store/clue_repository.hpp"

#include "core/store/conditions.hpp"
#include "core/store/database.hpp"

namespace patrol::store {

namespace {

constexpr const char* kClueSelect =
    "SELECT c.id, c.finding_id, f.title, f.round_id, r.code, u.code, u.name, c.receiver, c.transferred_on, "
    "c.reply_due, c.created_by FROM clues c JOIN findings f ON f.id = c.finding_id JOIN rounds r ON r.id = f.round_id "
    "JOIN units u ON u.id = f.unit_id ";

ClueRecord readClue(const Statement& st) {
    ClueRecord c;
    c.id = st.integer(0);
    c.findingId = st.integer(1);
    c.findingTitle = st.text(2);
    c.roundId = st.integer(3);
    c.roundCode = st.text(4);
    c.unitCode = st.text(5);
    c.unitName = st.text(6);
    c.receiver = st.text(7);
    c.transferredOn = st.text(8);
    c.replyDue = st.optionalText(9);
    c.createdBy = st.text(10);
    return c;
}

}  // namespace

int64_t insertClue(Database& db, const ClueRecord& c) {
    db.prepare("INSERT INTO clues (finding_id, receiver, transferred_on, reply_due, created_by) VALUES (?,?,?,?,?)")
        .bindAll(c.findingId, c.receiver, c.transferredOn, c.replyDue, c.createdBy)
        .run();
    return db.lastInsertId();
}

std::optional<ClueRecord> findClueById(Database& db, int64_t id) {
    return db.prepare(std::string(kClueSelect) + "WHERE c.id = ?").bindAll(id).first(readClue);
}

std::optional<ClueRecord> findClueByFinding(Database& db, int64_t findingId) {
    return db.prepare(std::string(kClueSelect) + "WHERE c.finding_id = ?").bindAll(findingId).first(readClue);
}

std::vector<ClueRecord> listClues(Database& db, std::optional<int64_t> roundId) {
    return Conditions().when(roundId, "f.round_id = ?").prepare(db, kClueSelect, "ORDER BY c.id").collect(readClue);
}

int64_t insertDisposal(Database& db, const DisposalRecord& d) {
    db.prepare("INSERT INTO clue_disposals (clue_id, method, decided_on, note) VALUES (?,?,?,?)")
        .bindAll(d.clueId, d.method, d.decidedOn, d.note)
        .run();
    return db.lastInsertId();
}

std::vector<DisposalRecord> listDisposals(Database& db, int64_t clueId) {
    return db.prepare("SELECT id, clue_id, method, decided_on, note FROM clue_disposals WHERE clue_id = ? ORDER BY id")
        .bindAll(clueId)
        .collect([](const Statement& st) {
            return DisposalRecord{st.integer(0), st.integer(1), st.text(2), st.text(3), st.optionalText(4)};
        });
}

int64_t insertOutcome(Database& db, const OutcomeRecord& o) {
    db.prepare("INSERT INTO clue_outcomes (clue_id, person, person_level, form, party_sanction, gov_sanction, "
               "org_handling, referred, recovered_fen, recorded_on) VALUES (?,?,?,?,?,?,?,?,?,?)")
        .bindAll(o.clueId, o.person, o.personLevel, o.form, o.partySanction, o.govSanction, o.orgHandling, o.referred,
                 o.recoveredFen, o.recordedOn)
        .run();
    return db.lastInsertId();
}

std::vector<OutcomeRecord> listOutcomes(Database& db, int64_t clueId) {
    auto st = db.prepare("SELECT id, clue_id, person, person_level, form, party_sanction, gov_sanction, org_handling, "
                         "referred, recovered_fen, recorded_on FROM clue_outcomes WHERE clue_id = ? ORDER BY id");
    return st.bindAll(clueId).collect([](const Statement& st) {
        OutcomeRecord o;
        o.id = st.integer(0);
        o.clueId = st.integer(1);
        o.person = st.text(2);
        o.personLevel = st.optionalText(3);
        o.form = st.optionalText(4);
        o.partySanction = st.optionalText(5);
        o.govSanction = st.optionalText(6);
        o.orgHandling = st.optionalText(7);
        o.referred = st.integer(8) != 0;
        o.recoveredFen = st.integer(9);
        o.recordedOn = st.text(10);
        return o;
    });
}

}  // namespace patrol::store
