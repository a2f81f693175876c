// Declared conflicts of interest (回避): a user linked to a unit may not inspect it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace patrol::store {

class Database;

struct ConflictRecord {
    int64_t userId = 0;
    std::string userName;
    int64_t unitId = 0;
    std::string unitCode;
    std::string unitName;
};

void insertConflict(Database& db, int64_t userId, int64_t unitId);
std::vector<ConflictRecord> conflictsOfUser(Database& db, int64_t userId);
std::vector<ConflictRecord> conflictsOnUnit(Database& db, int64_t unitId);

}  // namespace patrol::store
