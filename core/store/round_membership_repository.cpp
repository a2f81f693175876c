#include "core/store/round_membership_repository.hpp"

#include "core/store/database.hpp"

namespace patrol::store {

bool insertRoundTarget(Database& db, int64_t roundId, int64_t unitId) {
    db.prepare("INSERT OR IGNORE INTO round_targets (round_id, unit_id) VALUES (?, ?)").bindAll(roundId, unitId).run();
    return db.changes() > 0;
}

std::vector<UnitRecord> roundTargets(Database& db, int64_t roundId) {
    auto st = db.prepare(
        "SELECT u.id, u.code, u.name, u.kind, u.parent_id, p.code FROM round_targets t JOIN units u ON u.id = t.unit_id "
        "LEFT JOIN units p ON p.id = u.parent_id WHERE t.round_id = ? ORDER BY u.code");
    st.bindAll(roundId);
    std::vector<UnitRecord> out;
    while (st.step())
        out.push_back({st.integer(0), st.text(1), st.text(2), st.text(3), st.optionalInteger(4), st.optionalText(5)});
    return out;
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
    auto st = db.prepare("SELECT u.id, u.name, u.role, t.is_leader FROM round_team t JOIN users u ON u.id = t.user_id "
                         "WHERE t.round_id = ? ORDER BY t.is_leader DESC, u.name");
    st.bindAll(roundId);
    std::vector<TeamMember> out;
    while (st.step()) out.push_back({st.integer(0), st.text(1), st.text(2), st.integer(3) != 0});
    return out;
}

bool isTeamMember(Database& db, int64_t roundId, int64_t userId) {
    auto st = db.prepare("SELECT 1 FROM round_team WHERE round_id = ? AND user_id = ?");
    st.bindAll(roundId, userId);
    return st.step();
}

}  // namespace patrol::store
