#include "core/store/round_membership_repository.hpp"

#include "core/store/database.hpp"

namespace patrol::store {

bool insertRoundTarget(Database& db, int64_t roundId, int64_t unitId) {
    db.prepare("INSERT OR IGNORE INTO round_targets (round_id, unit_id) VALUES (?, ?)").bindAll(roundId, unitId).run();
    return db.changes() > 0;
}

std::vector<UnitRecord> roundTargets(Database& db, int64_t roundId) {
    return listUnitsIn(db, "SELECT unit_id FROM round_targets WHERE round_id = ?", roundId);
}

bool deleteRoundTarget(Database& db, int64_t roundId, int64_t unitId) {
    db.prepare("DELETE FROM round_targets WHERE round_id = ? AND unit_id = ?").bindAll(roundId, unitId).run();
    return db.changes() > 0;
}

int64_t countTargetFindings(Database& db, int64_t roundId, int64_t unitId) {
    auto st = db.prepare("SELECT count(*) FROM findings WHERE round_id = ? AND unit_id = ?");
    st.bindAll(roundId, unitId);
    st.step();
    return st.integer(0);
}

void upsertTeamMember(Database& db, int64_t roundId, int64_t userId, bool isLeader) {
    db.prepare("INSERT INTO round_team (round_id, user_id, is_leader) VALUES (?, ?, ?) "
               "ON CONFLICT(round_id, user_id) DO UPDATE SET is_leader = excluded.is_leader")
        .bindAll(roundId, userId, isLeader)
        .run();
}

void clearTeamLeader(Database& db, int64_t roundId) {
    db.prepare("UPDATE round_team SET is_leader = 0 WHERE round_id = ?").bindAll(roundId).run();
}

std::vector<TeamMember> roundTeam(Database& db, int64_t roundId) {
    return db.prepare("SELECT u.id, u.name, u.role, t.is_leader FROM round_team t JOIN users u ON u.id = t.user_id "
                      "WHERE t.round_id = ? ORDER BY t.is_leader DESC, u.name")
        .bindAll(roundId)
        .collect([](const Statement& st) { return TeamMember{st.integer(0), st.text(1), st.text(2), st.integer(3) != 0}; });
}

void deleteTeamMember(Database& db, int64_t roundId, int64_t userId) {
    db.prepare("DELETE FROM round_team WHERE round_id = ? AND user_id = ?").bindAll(roundId, userId).run();
}

bool isTeamMember(Database& db, int64_t roundId, int64_t userId) {
    return db.prepare("SELECT 1 FROM round_team WHERE round_id = ? AND user_id = ?").bindAll(roundId, userId).step();
}

}  // namespace patrol::store
