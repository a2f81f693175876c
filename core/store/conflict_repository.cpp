#include "core/store/conflict_repository.hpp"

#include "core/store/database.hpp"

namespace patrol::store {

namespace {

std::vector<ConflictRecord> selectConflicts(Database& db, const char* where, int64_t id) {
    return db.prepare(std::string("SELECT c.user_id, s.name, c.unit_id, n.code, n.name FROM user_conflicts c "
                                  "JOIN users s ON s.id = c.user_id JOIN units n ON n.id = c.unit_id WHERE ") +
                      where + " ORDER BY s.name, n.code")
        .bindAll(id)
        .collect([](const Statement& st) {
            return ConflictRecord{st.integer(0), st.text(1), st.integer(2), st.text(3), st.text(4)};
        });
}

}  // namespace

void insertConflict(Database& db, int64_t userId, int64_t unitId) {
    db.prepare("INSERT OR IGNORE INTO user_conflicts (user_id, unit_id) VALUES (?, ?)").bindAll(userId, unitId).run();
}

std::vector<ConflictRecord> conflictsOfUser(Database& db, int64_t userId) { return selectConflicts(db, "c.user_id = ?", userId); }

std::vector<ConflictRecord> conflictsOnUnit(Database& db, int64_t unitId) { return selectConflicts(db, "c.unit_id = ?", unitId); }

}  // namespace patrol::store
